// The Bot Framework adapter: authenticates incoming requests (when an app id is configured) and sends
// replies through the connector at the activity's serviceUrl. Validation is botbuilder's own; this file
// only configures it and makes every way it can refuse a token answer 401 (see platform-notes.md).
import {
  type Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type TurnContext,
} from 'botbuilder';
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  AuthenticationError,
  GovernmentConstants,
} from 'botframework-connector';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { botCredentialsFactory } from './botCredentials.js';

/** The bot's Bot Framework identity and channel endpoints, exactly as configured (src/config.ts). */
export type BotIdentity = Config['bot'];

export function createAdapter(identity: BotIdentity, logger: Logger): CloudAdapter {
  const auth = new ChannelAuthentication(
    (reason) => logger.warn({ reason }, 'request refused: not authenticated'),
    {
      MicrosoftAppId: identity.appId ?? '',
      MicrosoftAppPassword: identity.appPassword ?? '',
      // Without an app id botbuilder runs unauthenticated (local mode); its SingleTenant check would refuse that.
      MicrosoftAppType: identity.appId ? identity.appType : 'MultiTenant',
      MicrosoftAppTenantId: identity.appTenantId ?? '',
      // Giving any of these switches botbuilder to a "parameterized" configuration in which ALL must be
      // given (platform-notes.md), so every one is set, the defaults being botbuilder's for the cloud.
      ToBotFromChannelOpenIdMetadataUrl: identity.channel.openIdMetadataUrl,
      ToBotFromChannelTokenIssuer: identity.channel.tokenIssuer,
      ToChannelFromBotLoginUrl: identity.channel.loginUrl,
      ToChannelFromBotOAuthScope: identity.channel.oauthScope,
      ...cloudConstants(identity.channel.cloud),
    },
    botCredentialsFactory({ ...identity, loginUrl: identity.channel.loginUrl }),
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // Handlers answer their own errors with a card; reaching here is a bug or a connector outage.
    logger.error(
      { err: error, conversationId: context.activity.conversation?.id, activityType: context.activity.type },
      'unhandled error in turn',
    );
  };
  return adapter;
}

/** The settings botbuilder derives from ChannelService, which the parameterized configuration must be given. */
function cloudConstants(cloud: 'public' | 'usgov') {
  const constants = cloud === 'usgov' ? GovernmentConstants : AuthenticationConstants;
  return {
    ToBotFromEmulatorOpenIdMetadataUrl: constants.ToBotFromEmulatorOpenIdMetadataUrl,
    OAuthUrl: constants.OAuthUrl,
    CallerId: cloud === 'usgov' ? CallerIdConstants.USGovChannel : CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * Some forged tokens (unknown key with a known kid, alg none, HS256, not yet valid) make botbuilder throw
 * a plain JsonWebTokenError, which CloudAdapter turns into HTTP 500. Every failure to authenticate is an
 * AuthenticationError here, so the caller gets 401 and the turn never runs.
 */
class ChannelAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    private readonly onRefused: (reason: string) => void,
    ...configuration: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>
  ) {
    super(...configuration);
  }

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw this.refused(error);
    }
  }

  override async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (error) {
      throw this.refused(error);
    }
  }

  private refused(error: unknown): AuthenticationError {
    // The reason names what was wrong (expired, bad signature, wrong audience), never the token itself.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown';
    this.onRefused(reason.slice(0, 300));
    return new AuthenticationError('Unauthorized.', 401);
  }
}
