// Who hears of a case the bot opened by itself: the channel where someone typed "set helpdesk channel", else
// each helpdesk member the bot can reach 1:1 (everyone who chatted with it, when HELPDESK_GROUP_ID is not
// set, since then everyone may start requests).
import type { Logger } from 'pino';
import type { Delivery } from '../../requests/index.js';
import type { ConversationStore } from '../../store/index.js';
import type { ApproverDirectory } from '../approvals/approverDirectory.js';
import { HELPDESK_CHANNEL_KEY, type StoredReference, USER_REFERENCE_PREFIX } from '../conversationKeys.js';

/** A card per person is a message per person: past this many, set a helpdesk channel instead. */
const MAX_DIRECT_RECIPIENTS = 100;

/** What a sent helpdesk card is filed as (SentCard.kind), so later events update it as a helpdesk card. */
export const HELPDESK_CARD_KIND = 'helpdesk';

export async function helpdeskDeliveries(deps: {
  conversations: ConversationStore;
  directory: ApproverDirectory;
  logger: Logger;
}): Promise<Delivery[]> {
  if (await deps.conversations.getReference(HELPDESK_CHANNEL_KEY)) {
    return [
      {
        key: 'helpdesk-channel',
        action: 'post',
        referenceKey: HELPDESK_CHANNEL_KEY,
        content: 'helpdesk-card',
      },
    ];
  }
  const deliveries: Delivery[] = [];
  for (const { key, reference } of await deps.conversations.listReferences(USER_REFERENCE_PREFIX)) {
    if (deliveries.length >= MAX_DIRECT_RECIPIENTS) break;
    const aadObjectId = key.slice(USER_REFERENCE_PREFIX.length);
    if (!(reference as StoredReference).reference?.conversation?.id) continue;
    try {
      if (!(await deps.directory.mayStartRequests(aadObjectId))) continue;
    } catch (error) {
      deps.logger.warn({ err: error }, 'helpdesk membership could not be checked');
      continue;
    }
    deliveries.push({
      key: `helpdesk:${aadObjectId}`,
      action: 'post',
      referenceKey: key,
      content: 'helpdesk-card',
    });
  }
  if (deliveries.length === 0) {
    deps.logger.warn(
      'a case was opened but nobody in the helpdesk can be reached: type "set helpdesk channel" in the helpdesk channel',
    );
  }
  return deliveries;
}
