// Who may decide an unblock request. Checked on the server for every click, never by hiding buttons.
import { canRetryUnblock } from './requestLifecycle.js';
import type { Actor, UnblockRequest } from './types.js';

export type ApprovalRefusal =
  /** Not a (transitive) member of the approver group. */
  | 'not-approver'
  /** Separation of duties: nobody approves their own request (unless the tenant allows it). */
  | 'own-request'
  /** Already approved, rejected, cancelled or expired: the card was stale. */
  | 'not-pending'
  /** A retry of a request that has not failed, or failed in a way a new attempt cannot fix. */
  | 'not-retryable';

export interface ApprovalCheck {
  request: UnblockRequest;
  clicker: Actor;
  isApprover: boolean;
  allowSelfApproval: boolean;
}

type Verdict = { ok: true } | { ok: false; reason: ApprovalRefusal };

/** Who may decide at all: an approver, and (separation of duties) not the requester. */
function checkDecider(check: ApprovalCheck): Verdict {
  if (!check.isApprover) return { ok: false, reason: 'not-approver' };
  if (!check.allowSelfApproval && check.clicker.aadObjectId === check.request.requester.aadObjectId) {
    return { ok: false, reason: 'own-request' };
  }
  return { ok: true };
}

/** Approve or reject: a decider, on a request that is still waiting for a decision. */
export function checkApproval(check: ApprovalCheck): Verdict {
  const decider = checkDecider(check);
  if (!decider.ok) return decider;
  if (check.request.state !== 'pending_approval') return { ok: false, reason: 'not-pending' };
  return { ok: true };
}

/** Retry a failed unblock: the same people who may approve, on a failure a new attempt can fix. */
export function checkRetry(check: ApprovalCheck): Verdict {
  const decider = checkDecider(check);
  if (!decider.ok) return decider;
  if (!canRetryUnblock(check.request)) return { ok: false, reason: 'not-retryable' };
  return { ok: true };
}

/** When a pending request gets its reminder and when it expires (not unblocked). */
export interface ApprovalTimeouts {
  remindAfterMs: number;
  expireAfterMs: number;
}

export type ApprovalTimerAction = 'remind' | 'expire' | null;

export function approvalTimerAction(
  request: UnblockRequest,
  now: Date,
  timeouts: ApprovalTimeouts,
): ApprovalTimerAction {
  if (request.state !== 'pending_approval') return null;
  const waited = now.getTime() - Date.parse(request.submittedAt ?? request.updatedAt);
  if (waited >= timeouts.expireAfterMs) return 'expire';
  if (waited >= timeouts.remindAfterMs && !request.remindedAt) return 'remind';
  return null;
}

/** Microsoft limits unblocks per account; peers cap it at 3 a day so the limit is never reached by accident. */
export const UNBLOCKS_PER_ACCOUNT_PER_DAY = 3;
