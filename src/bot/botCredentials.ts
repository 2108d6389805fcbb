// How the bot gets its own token for replies, per app type and login authority. botbuilder's default
// (ConfigurationServiceClientCredentialFactory) is right for the public and US Government clouds: a
// SingleTenant app asks https://login.microsoftonline.{com,us}/<its tenant>, a MultiTenant app the Bot
// Framework tenant. Two shapes it gets wrong are handled here:
// - any other login authority (ToChannelFromBotLoginUrl): botbuilder's MSAL client lacks knownAuthorities
//   and every reply fails silently with endpoints_resolution_error (platform-notes.md), and it asks that
//   URL's tenant even for a SingleTenant app, which Entra refuses (AADSTS700016, "not found in the directory
//   'Bot Framework'"). Here MSAL gets the authority host as known, and a SingleTenant app its own tenant.
// - UserAssignedMSI: botbuilder asks DefaultAzureCredential, whose first link is EnvironmentCredential; with
//   the Microsoft 365 app's AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or certificate) set, the bot would
//   present that app's token to the channel. Here only the managed identity is asked, for the bot's client
//   id; it takes no login authority (the identity endpoint issues the token).
import { ManagedIdentityCredential } from '@azure/identity';
import { ConfidentialClientApplication } from '@azure/msal-node';
import {
  AuthenticationConstants,
  GovernmentConstants,
  type IJwtTokenProviderFactory,
  ManagedIdentityServiceClientCredentialsFactory,
  MsalServiceClientCredentialsFactory,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';

export interface BotCredentialSettings {
  appId: string | undefined;
  appPassword: string | undefined;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  appTenantId: string | undefined;
  /** ToChannelFromBotLoginUrl: https://<login host>/<tenant>. */
  loginUrl: string;
}

/** The credentials factory for the bot's outgoing calls; undefined = botbuilder's own (public or US Gov). */
export function botCredentialsFactory(
  settings: BotCredentialSettings,
): ServiceClientCredentialsFactory | undefined {
  const { appId } = settings;
  if (!appId) return undefined;
  if (settings.appType === 'UserAssignedMSI') {
    return new ManagedIdentityServiceClientCredentialsFactory(appId, managedIdentityOnly);
  }
  if (isMicrosoftCloudLogin(settings.loginUrl) || !settings.appPassword) return undefined;
  const authority = authorityFor(settings);
  const client = new ConfidentialClientApplication({
    auth: {
      clientId: appId,
      clientSecret: settings.appPassword,
      authority,
      knownAuthorities: [new URL(authority).host],
    },
  });
  return new MsalServiceClientCredentialsFactory(appId, client);
}

/** The login URL botbuilder knows how to use: the public or the US Government cloud's. */
function isMicrosoftCloudLogin(loginUrl: string): boolean {
  const url = loginUrl.toLowerCase();
  return (
    url.startsWith(AuthenticationConstants.ToChannelFromBotLoginUrlPrefix) ||
    url.startsWith(GovernmentConstants.ToChannelFromBotLoginUrlPrefix)
  );
}

/** A SingleTenant app's tokens come from its own tenant on the configured host; others from the URL as set. */
function authorityFor(settings: BotCredentialSettings): string {
  if (settings.appType !== 'SingleTenant' || !settings.appTenantId) return settings.loginUrl;
  const url = new URL(settings.loginUrl);
  return `${url.origin}/${settings.appTenantId}`;
}

/**
 * botbuilder asks this factory for a DefaultAzureCredential but calls only getToken on it: the managed
 * identity alone, never the environment's app credentials.
 */
const managedIdentityOnly: IJwtTokenProviderFactory = {
  createAzureServiceTokenProvider(appId: string) {
    // biome-ignore lint/suspicious/noExplicitAny: botbuilder types the provider as DefaultAzureCredential; getToken is all it uses.
    return new ManagedIdentityCredential({ clientId: appId }) as any;
  },
};
