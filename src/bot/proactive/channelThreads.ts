// Posts in a Teams channel. A channel conversation id carries the root post of its thread
// ("19:…@thread.tacv2;messageid=<root>"), so sending to a stored channel reference replies under that post
// (for the approvals channel: under the "set approvals channel" command). A new post is a new conversation
// in the channel — POST /v3/conversations {isGroup: true, channelData: {channel: {id}}, activity} — as
// Microsoft's "start new thread in channel" sample does (OfficeDev/Microsoft-Teams-Samples,
// samples/bot-initiate-thread-in-channel, through botbuilder's TeamsInfo.sendMessageToTeamsChannel). Teams
// answers {id: "<channel>;messageid=<post id>", activityId: "<post id>"} (microsoft/teams.net
// docs/CreateConversation-API-Behavior.md): replies and updates then go to that id. The connector is
// called directly because CloudAdapter.createConversationAsync hands its logic the new conversation id
// but drops activityId, the id every later update of the post needs.
import type { Activity, ChannelAccount, CloudAdapter, ConversationParameters, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import type { StoredReference } from '../conversationKeys.js';

const THREAD_SUFFIX = /;messageid=[^;]*$/;

/** The channel a channel conversation id is in: the id without its thread. */
export function channelOf(conversationId: string): string {
  return conversationId.replace(THREAD_SUFFIX, '');
}

/** Whether a conversation id is a thread of `channelId` (a post in that channel and its replies). */
export function isThreadOf(conversationId: string, channelId: string): boolean {
  return THREAD_SUFFIX.test(conversationId) && channelOf(conversationId) === channelId;
}

export interface NewPost {
  /** The post's thread as a conversation id: "<channel>;messageid=<post id>". */
  conversationId: string;
  /** The post's own activity id, for updating it. */
  activityId: string;
  /** Where to reach the thread later: the channel's reference with the thread's conversation id. */
  reference: StoredReference;
}

/**
 * Starts a new post in the channel of `channel` (a stored reference to any conversation in it). Errors
 * from Teams (403, 429 …) are thrown to the caller; botbuilder would otherwise hand them to onTurnError.
 */
export async function startChannelPost(
  adapter: CloudAdapter,
  appId: string,
  channel: StoredReference,
  activity: Partial<Activity>,
): Promise<NewPost> {
  const channelId = channelOf(channel.reference.conversation?.id ?? '');
  const parameters: ConversationParameters = {
    isGroup: true,
    channelData: { channel: { id: channelId } },
    activity: { type: 'message', ...activity } as Activity,
    tenantId: channel.reference.conversation?.tenantId,
    // Teams knows the bot from its token; the type asks for the account anyway.
    bot: channel.reference.bot as ChannelAccount,
  };
  let created: { id?: string; activityId?: string } = {};
  let failure: unknown = null;
  await adapter.continueConversationAsync(appId, channel.reference, async (context: TurnContext) => {
    try {
      const connector = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
      const response = await connector.conversations.createConversation(parameters);
      created = { id: response.id, activityId: response.activityId };
    } catch (error) {
      failure = error;
    }
  });
  if (failure) throw failure;
  const { id, activityId } = created;
  if (!id || !activityId)
    throw new Error('Teams created the post but returned no conversation or activity id');
  const conversation = { ...channel.reference.conversation, id } as NonNullable<
    StoredReference['reference']['conversation']
  >;
  return {
    conversationId: id,
    activityId,
    reference: { reference: { ...channel.reference, conversation }, language: channel.language },
  };
}
