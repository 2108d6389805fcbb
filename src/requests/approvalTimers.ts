// Approvals nobody answers: a reminder to the approvers after a while, then an explicit end (expired = not
// unblocked) so no request waits forever.
import { type ApprovalTimeouts, approvalTimerAction } from '../runbook/index.js';
import type { RequestStore } from '../store/index.js';
import type { RequestLedger } from './ledger.js';

export async function runApprovalTimers(
  deps: { requests: RequestStore; ledger: RequestLedger; now: () => Date },
  timeouts: ApprovalTimeouts,
): Promise<{ reminded: number; expired: number }> {
  const now = deps.now();
  const system = { actor: null, conversationId: null };
  let reminded = 0;
  let expired = 0;
  for (const request of await deps.requests.listByState('pending_approval', 100_000)) {
    const action = approvalTimerAction(request, now, timeouts);
    if (action === 'remind') {
      const done = await deps.ledger.amend(
        request,
        { remindedAt: now.toISOString() },
        { ...system, action: 'approval.reminded', event: 'reminder' },
      );
      if (done.ok) reminded += 1;
    } else if (action === 'expire') {
      const done = await deps.ledger.move(request, 'expired', system);
      if (done.ok) expired += 1;
    }
  }
  return { reminded, expired };
}
