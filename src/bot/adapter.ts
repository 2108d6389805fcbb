// The Bot Framework adapter: authenticates incoming requests (when an app id is configured) and sends
// replies through the connector at the activity's serviceUrl.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';

export interface BotIdentity {
  appId: string | undefined;
  appPassword: string | undefined;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  appTenantId: string | undefined;
}

export function createAdapter(identity: BotIdentity, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: identity.appId ?? '',
    MicrosoftAppPassword: identity.appPassword ?? '',
    // Without an app id botbuilder runs unauthenticated (local mode); its SingleTenant check would refuse that.
    MicrosoftAppType: identity.appId ? identity.appType : 'MultiTenant',
    MicrosoftAppTenantId: identity.appTenantId ?? '',
  });
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
