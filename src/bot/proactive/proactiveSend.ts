// One proactive message or card update, sent from a stored conversation reference and paced under Teams'
// limits, with its failure classified for the worker: throttled (retry after what Teams asked), unreachable
// (the bot was removed or the conversation is gone: drop it) or transient (retry with back-off).
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { DeliveryResult } from '../../requests/index.js';
import type { ConversationStore } from '../../store/index.js';
import type { StoredReference } from '../conversationKeys.js';
import type { Pacer } from './pacer.js';

export interface ProactiveSendDeps {
  adapter: CloudAdapter;
  appId: string;
  pacer: Pacer;
  logger: Logger;
}

/** A stored reference that names its conversation: where a proactive message can go. */
export interface Reachable {
  stored: StoredReference;
  conversationId: string;
}

/** The reference stored under `referenceKey`, or the `unreachable` result when there is none to send to. */
export async function reachable(
  conversations: ConversationStore,
  referenceKey: string,
): Promise<Reachable | DeliveryResult> {
  const stored = (await conversations.getReference(referenceKey)) as StoredReference | null;
  const conversationId = stored?.reference?.conversation?.id;
  if (!stored || !conversationId)
    return { ok: false, reason: 'unreachable', detail: `no conversation reference ${referenceKey}` };
  return { stored, conversationId };
}

/** Runs `send` in a proactive turn of the conversation, after the pacer lets it through. */
export async function sendProactively(
  deps: ProactiveSendDeps,
  to: Reachable,
  referenceKey: string,
  send: (context: TurnContext) => Promise<void>,
): Promise<DeliveryResult> {
  await deps.pacer.take(to.conversationId);
  // botbuilder hands errors inside proactive logic to onTurnError instead of throwing them, so the logic
  // keeps its own error to classify here.
  let failure: unknown = null;
  try {
    await deps.adapter.continueConversationAsync(deps.appId, to.stored.reference, async (context) => {
      try {
        await send(context);
      } catch (error) {
        failure = error;
      }
    });
  } catch (error) {
    failure = error;
  }
  return failure ? classifyDeliveryError(failure, referenceKey, deps.logger) : { ok: true };
}

/** What a failed send means for the worker, from the Bot Connector's HTTP status. */
export function classifyDeliveryError(error: unknown, referenceKey: string, logger: Logger): DeliveryResult {
  const status = (error as { statusCode?: number }).statusCode;
  const headers = (error as { response?: { headers?: { get?(name: string): string | undefined } } }).response
    ?.headers;
  if (status === 429) {
    const retryAfter = Number(headers?.get?.('retry-after'));
    return {
      ok: false,
      reason: 'throttled',
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000,
    };
  }
  if (status === 403 || status === 404) {
    logger.warn({ status, referenceKey }, 'conversation unreachable');
    return { ok: false, reason: 'unreachable', detail: `HTTP ${status}` };
  }
  logger.warn({ err: error, referenceKey }, 'proactive send failed');
  return { ok: false, reason: 'transient', detail: status ? `HTTP ${status}` : 'network error' };
}
