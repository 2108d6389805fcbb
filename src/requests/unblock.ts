// The action handler: performs an approved unblock exactly once. The job is keyed by request id and
// attempt; the request moves approved → unblocking before the call, so a re-run after a crash knows a call
// may have happened and asks Exchange first: a sender already off the list is recorded as unblocked, not
// called again. A job left over from an earlier attempt (the request was retried since) does nothing.
import type { Logger } from 'pino';
import {
  type RequestFailure,
  senderAddressOf,
  TenantError,
  type UnblockRequest,
  unblockAttemptOf,
} from '../runbook/index.js';
import type { RequestStore } from '../store/index.js';
import type { TenantGateway } from '../tenant/index.js';
import type { JobOutcome } from './jobs.js';
import type { RequestLedger } from './ledger.js';

export interface UnblockDeps {
  requests: RequestStore;
  ledger: RequestLedger;
  tenant: TenantGateway;
  logger: Logger;
  now: () => Date;
}

const permanentFailures: Partial<Record<TenantError['code'], RequestFailure>> = {
  UnblockLimitReached: 'unblock-limit-reached',
  Forbidden: 'insufficient-permissions',
  Unauthorized: 'insufficient-permissions',
};

const system = { actor: null, conversationId: null };

export async function performUnblock(deps: UnblockDeps, requestId: string, attempt = 1): Promise<JobOutcome> {
  let request = await deps.requests.get(requestId);
  if (!request) return { kind: 'failed', error: `request ${requestId} not found` };
  if (unblockAttemptOf(request) !== attempt) return { kind: 'done' };
  if (request.state === 'approved') {
    const moved = await deps.ledger.move(request, 'unblocking', { ...system, event: null });
    if (!moved.ok) return { kind: 'retry', error: `request changed (${moved.reason})`, delayMs: 0 };
    request = moved.request;
  }
  if (request.state !== 'unblocking') {
    // Already done (or ended) by an earlier run: nothing to do, and certainly no second unblock.
    return { kind: 'done' };
  }
  const address = senderAddressOf(request);
  // When the unblock happened, for the resume monitor's message-trace window: the moment of our call, or,
  // when an earlier run's call went through before a crash, the moment the request went to unblocking
  // (the earliest that call can have been), so a message sent right after is never outside the window.
  let unblockedAt = request.updatedAt;
  try {
    // After a crash between the call and the record, the sender is already off the list.
    const stillRestricted = await deps.tenant.findRestrictedSender(address);
    if (stillRestricted) {
      deps.logger.info({ requestId, address }, 'calling Remove-BlockedSenderAddress');
      await deps.ledger.note(request, 'unblock.called', { address, attempt });
      unblockedAt = deps.now().toISOString();
      await deps.tenant.unblockSender(address);
    } else {
      deps.logger.info(
        { requestId, address },
        'sender already off the Restricted list: recording the unblock',
      );
    }
  } catch (error) {
    return settleError(deps, request, error, unblockedAt);
  }
  return recordUnblocked(deps, request, address, unblockedAt);
}

async function settleError(
  deps: UnblockDeps,
  request: UnblockRequest,
  error: unknown,
  unblockedAt: string,
): Promise<JobOutcome> {
  const address = senderAddressOf(request);
  if (error instanceof TenantError && error.code === 'NotFound') {
    // Removed between our check and the call (another admin, or the portal): the goal is reached.
    deps.logger.info({ requestId: request.id, address }, 'sender was not on the list any more');
    return recordUnblocked(deps, request, address, unblockedAt);
  }
  const failure = error instanceof TenantError ? permanentFailures[error.code] : undefined;
  if (failure) {
    await deps.ledger.move(request, 'failed', { ...system, detail: { failure } }, { failure });
    return { kind: 'done' };
  }
  if (error instanceof TenantError && error.retryable) {
    return { kind: 'retry', error: `${error.code}: Exchange is busy`, delayMs: error.retryAfterMs };
  }
  throw error;
}

async function recordUnblocked(
  deps: UnblockDeps,
  request: UnblockRequest,
  address: string,
  unblockedAt: string,
): Promise<JobOutcome> {
  const done = await deps.ledger.move(
    request,
    'waiting_resume',
    { ...system, detail: { address } },
    { unblockedAt },
  );
  if (!done.ok) return { kind: 'retry', error: `request changed (${done.reason})`, delayMs: 0 };
  return { kind: 'done' };
}
