// An agent who types "unblock <user>" or selects Start runbook for an account the bot already opened a case
// for continues that case instead of being refused: the detected request becomes theirs (requester,
// conversation, language), with a compare-and-set so two agents cannot both take it.
import { type Actor, claimFacts, isUnclaimedDetection, type UnblockRequest } from '../../runbook/index.js';
import type { LedgerOutcome, RequestLedger } from '../ledger.js';

/** Hands an open detected request nobody has taken to `agent`; null when it is not such a request. */
export async function claimDetected(
  ledger: RequestLedger,
  request: UnblockRequest,
  agent: { actor: Actor; conversationId: string },
  locale: string,
  now: Date,
): Promise<LedgerOutcome | null> {
  if (request.state !== 'open' || !isUnclaimedDetection(request)) return null;
  return ledger.amend(request, claimFacts(request, agent.actor, agent.conversationId, locale, now), {
    actor: agent.actor,
    conversationId: agent.conversationId,
    action: 'request.claimed',
    event: 'claimed',
    detail: { episode: request.detection?.episode ?? null },
  });
}
