// The action handler: performs an approved unblock exactly once. The job is keyed by request id; the
// request moves approved → unblocking before the call, so a re-run after a crash knows a call may have
// happened and asks Exchange first: a sender already off the list is recorded as unblocked, not called again.
import type { Logger } from 'pino';
import { type RequestFailure, TenantError, type UnblockRequest } from '../runbook/index.js';
import type { RequestStore } from '../store/index.js';
import type { TenantGateway } from '../tenant/index.js';
import type { JobOutcome } from './jobRunner.js';
import type { RequestLedger } from './requestLedger.js';

export interface UnblockJobDeps {
  requests: RequestStore;
  ledger: RequestLedger;
  tenant: TenantGateway;
  logger: Logger;
  now: () => Date;
}

export function unblockJobId(requestId: string): string {
  return `unblock:${requestId}`;
}

function addressOf(request: UnblockRequest): string {
  return request.restriction?.senderAddress ?? request.target.mail ?? request.target.userPrincipalName;
}

const permanentFailures: Partial<Record<TenantError['code'], RequestFailure>> = {
  UnblockLimitReached: 'unblock-limit-reached',
  Forbidden: 'insufficient-permissions',
  Unauthorized: 'insufficient-permissions',
};

export async function runUnblockJob(deps: UnblockJobDeps, requestId: string): Promise<JobOutcome> {
  let request = await deps.requests.get(requestId);
  if (!request) return { kind: 'failed', error: `request ${requestId} not found` };
  if (request.state === 'approved') {
    const moved = await deps.ledger.move(request, 'unblocking', {
      actor: null,
      conversationId: null,
      event: null,
    });
    if (!moved.ok) return { kind: 'retry', error: `request changed (${moved.reason})`, delayMs: 0 };
    request = moved.request;
  }
  if (request.state !== 'unblocking') {
    // Already done (or ended) by an earlier run: nothing to do, and certainly no second unblock.
    return { kind: 'done' };
  }
  const address = addressOf(request);
  try {
    // After a crash between the call and the record, the sender is already off the list.
    const stillRestricted = await deps.tenant.findRestrictedSender(address);
    if (stillRestricted) {
      deps.logger.info({ requestId, address }, 'calling Remove-BlockedSenderAddress');
      await deps.ledger.note(request, 'unblock.called', { address });
      await deps.tenant.unblockSender(address);
    } else {
      deps.logger.info(
        { requestId, address },
        'sender already off the Restricted list: recording the unblock',
      );
    }
  } catch (error) {
    if (error instanceof TenantError && error.code === 'NotFound') {
      // Removed between our check and the call (another admin, or the portal): the goal is reached.
      deps.logger.info({ requestId, address }, 'sender was not on the list any more');
    } else if (error instanceof TenantError && permanentFailures[error.code]) {
      const failure = permanentFailures[error.code] ?? 'insufficient-permissions';
      await deps.ledger.move(
        request,
        'failed',
        { actor: null, conversationId: null, detail: { failure } },
        { failure },
      );
      return { kind: 'done' };
    } else if (error instanceof TenantError && error.retryable) {
      return { kind: 'retry', error: `${error.code}: Exchange is busy`, delayMs: error.retryAfterMs };
    } else {
      throw error;
    }
  }
  const done = await deps.ledger.move(
    request,
    'waiting_resume',
    { actor: null, conversationId: null, detail: { address } },
    { unblockedAt: deps.now().toISOString() },
  );
  if (!done.ok) return { kind: 'retry', error: `request changed (${done.reason})`, delayMs: 0 };
  return { kind: 'done' };
}
