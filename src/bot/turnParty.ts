// Who is talking and where, read from a Teams activity.
import { type Activity, type ConversationReference, TurnContext } from 'botbuilder';
import type { TurnParty } from './runbook/runbookFlow.js';

export function partyOf(activity: Activity, defaultTenantId: string): TurnParty {
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenantId =
    activity.conversation?.tenantId ??
    (typeof channelTenant === 'string' ? channelTenant : undefined) ??
    defaultTenantId;
  return {
    actor: {
      aadObjectId: activity.from.aadObjectId ?? activity.from.id,
      name: activity.from.name ?? activity.from.id,
    },
    conversationId: activity.conversation.id,
    tenantId,
  };
}

export function conversationReferenceOf(activity: Activity): ConversationReference {
  return TurnContext.getConversationReference(activity) as ConversationReference;
}
