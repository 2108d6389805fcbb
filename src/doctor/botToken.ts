// Gets a Bot Framework token with the bot's own credentials, the one its replies to Teams carry, the way
// botbuilder does (botframework-connector's credential factories): a client secret against the login
// authority, whose tenant is MicrosoftAppTenantId for a single-tenant app and botframework.com otherwise,
// or the user-assigned managed identity named by MicrosoftAppId. Nothing is sent to Teams.
import { ClientSecretCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import type { Config } from '../config.js';

const PUBLIC_LOGIN = 'https://login.microsoftonline.com/';

export type BotIdentity = Config['bot'];

/** The credential botbuilder would use, or null when there is no app id (local mode). */
export function botCredential(bot: BotIdentity): TokenCredential | null {
  if (!bot.appId) return null;
  if (bot.appType === 'UserAssignedMSI') return new ManagedIdentityCredential({ clientId: bot.appId });
  const login = new URL(bot.channel.loginUrl);
  const publicCloud = bot.channel.loginUrl.toLowerCase().startsWith(PUBLIC_LOGIN);
  // botbuilder swaps the public login URL's tenant for the app's own when it is single tenant; other
  // clouds' login URLs are used as configured.
  const configuredTenant = login.pathname.split('/').filter(Boolean)[0] ?? 'botframework.com';
  const tenant =
    publicCloud && bot.appType === 'SingleTenant' && bot.appTenantId ? bot.appTenantId : configuredTenant;
  return new ClientSecretCredential(tenant, bot.appId, bot.appPassword ?? '', {
    authorityHost: login.origin,
    // A login host other than the public cloud's is never found by MSAL's instance discovery.
    disableInstanceDiscovery: !publicCloud,
  });
}

export function botScope(bot: BotIdentity): string {
  return `${bot.channel.oauthScope.replace(/\/+$/, '')}/.default`;
}

/** What to fix when the bot's credential gets no token, from Entra's AADSTS code when there is one. */
export function describeBotTokenFailure(bot: BotIdentity, error: unknown): string {
  const text = messagesOf(error).join('\n');
  const code = /AADSTS(\d{4,8})/.exec(text)?.[1];
  const app = `the bot app registration ${bot.appId ?? ''}`.trim();
  switch (code) {
    case '7000215':
      return `MicrosoftAppPassword is not a valid client secret of ${app} (AADSTS7000215): create one under App registrations › Certificates & secrets and put its Value in Key Vault (docs/operations.md, "Rotate secrets")`;
    case '7000222':
      return `the client secret of ${app} has expired (AADSTS7000222): create a new one and put it in Key Vault (docs/operations.md, "Rotate secrets")`;
    case '700016':
      return `MicrosoftAppId is not an app registration in that tenant (AADSTS700016): check MicrosoftAppId and, for a single-tenant bot, MicrosoftAppTenantId`;
    case '90002':
    case '900023':
      return `the tenant was not found (AADSTS${code}): check MicrosoftAppTenantId`;
    case undefined:
      if (bot.appType === 'UserAssignedMSI')
        return "no token from the user-assigned managed identity: run the doctor on the App Service (az webapp ssh) and check that MicrosoftAppId is the identity's client ID and that the identity is assigned to the web app";
      if (/ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|certificate/i.test(text))
        return 'the login authority could not be reached: check BOT_LOGIN_URL and outbound HTTPS access';
      return 'no token and no Entra ID error code: check MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId';
    default:
      return `Entra ID refused the bot's credential with AADSTS${code}: look the code up at https://login.microsoftonline.com/error?code=${code}`;
  }
}

/** Names, messages and codes along the cause chain (never the secret, which is not in any of them). */
function messagesOf(error: unknown, depth = 0): string[] {
  if (depth > 4 || typeof error !== 'object' || error === null) return [];
  const e = error as { name?: unknown; message?: unknown; code?: unknown; errors?: unknown; cause?: unknown };
  const own = [e.name, e.message, e.code].filter((v): v is string => typeof v === 'string');
  const nested = Array.isArray(e.errors) ? e.errors.flatMap((inner) => messagesOf(inner, depth + 1)) : [];
  return [...own, ...nested, ...messagesOf(e.cause, depth + 1)];
}
