// Who may decide an unblock request. Checked on the server for every click, never by hiding buttons.
import type { Actor, UnblockRequest } from './types.js';

export type ApprovalRefusal =
  /** Not a (transitive) member of the approver group. */
  | 'not-approver'
  /** Separation of duties: nobody approves their own request (unless the tenant allows it). */
  | 'own-request'
  /** Already approved, rejected, cancelled or expired: the card was stale. */
  | 'not-pending';

export interface ApprovalCheck {
  request: UnblockRequest;
  clicker: Actor;
  isApprover: boolean;
  allowSelfApproval: boolean;
}

export function checkApproval(check: ApprovalCheck): { ok: true } | { ok: false; reason: ApprovalRefusal } {
  if (!check.isApprover) return { ok: false, reason: 'not-approver' };
  if (!check.allowSelfApproval && check.clicker.aadObjectId === check.request.requester.aadObjectId) {
    return { ok: false, reason: 'own-request' };
  }
  if (check.request.state !== 'pending_approval') return { ok: false, reason: 'not-pending' };
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
