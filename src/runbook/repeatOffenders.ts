// Repeat offenders: an account restricted again soon after an unblock (REPEAT_OFFENDER_WINDOW_D, 7 days by
// default) is probably still compromised. Its request carries the history of those unblocks (when, who
// approved, what was found) for every card, and its approval needs more than a normal approver: a member
// of SECURITY_APPROVER_GROUP_ID when that is set (normal approvers are refused), otherwise an approver other
// than the one who approved the previous unblock, who acknowledges it on the card.
import { type FindingFix, findingsOf, resolutionOf } from './findings.js';
import type { Actor, UnblockRequest } from './types.js';

export interface PriorUnblock {
  requestId: string;
  restrictedAt: string | null;
  unblockedAt: string;
  approvedBy: Actor | null;
  /** What the compromise check found then, and how each finding was dealt with. */
  findings: { kind: string; fix: FindingFix | null; resolution: 'fixed' | 'waived' | null }[];
}

export interface RepeatOffence {
  windowDays: number;
  /** The unblocks within the window, most recent first. */
  previous: PriorUnblock[];
  /** Unblocks of the account in the 24 hours before the request (the daily cap counts these). */
  unblocksLast24h: number;
}

const DAY_MS = 24 * 3600_000;

/** The repeat offence of an account restricted at `at`, from its earlier requests; null when it is not one. */
export function repeatOffenceOf(earlier: UnblockRequest[], at: Date, windowMs: number): RepeatOffence | null {
  const atMs = at.getTime();
  const unblocked = earlier
    .filter((r): r is UnblockRequest & { unblockedAt: string } => Boolean(r.unblockedAt))
    .filter((r) => {
      const ms = Date.parse(r.unblockedAt);
      return ms <= atMs && atMs - ms <= windowMs;
    })
    .sort((a, b) => b.unblockedAt.localeCompare(a.unblockedAt));
  if (unblocked.length === 0) return null;
  return {
    windowDays: Math.round((windowMs / DAY_MS) * 10) / 10,
    previous: unblocked.map((r) => ({
      requestId: r.id,
      restrictedAt: r.restriction?.createdAt ?? null,
      unblockedAt: r.unblockedAt,
      approvedBy: r.decidedBy,
      findings: findingsOf(r.checks).map((f) => ({
        kind: f.kind,
        fix: f.fix,
        resolution: resolutionOf(r, f.key)?.kind ?? null,
      })),
    })),
    unblocksLast24h: unblocked.filter((r) => atMs - Date.parse(r.unblockedAt) <= DAY_MS).length,
  };
}

export function isRepeatOffender(request: UnblockRequest): boolean {
  return (request.repeat?.previous.length ?? 0) > 0;
}

/** Who approved the most recent earlier unblock. */
export function previousApprover(request: UnblockRequest): Actor | null {
  return request.repeat?.previous[0]?.approvedBy ?? null;
}

export type RepeatRefusal = 'needs-security-approver' | 'previous-approver' | 'needs-acknowledgement';

export interface RepeatCheck {
  clicker: Actor;
  /** SECURITY_APPROVER_GROUP_ID is set. */
  securityGroupConfigured: boolean;
  /** Checked live by the caller: the clicker is a (transitive) member of SECURITY_APPROVER_GROUP_ID. */
  isSecurityApprover: boolean;
  /** The clicker ticked the acknowledgement on the card. */
  acknowledged: boolean;
}

/** The extra rule for approving (or retrying) a repeat offender's unblock. */
export function checkRepeatOffender(
  request: UnblockRequest,
  check: RepeatCheck,
): { ok: true } | { ok: false; reason: RepeatRefusal } {
  if (!isRepeatOffender(request)) return { ok: true };
  if (check.securityGroupConfigured) {
    return check.isSecurityApprover ? { ok: true } : { ok: false, reason: 'needs-security-approver' };
  }
  if (previousApprover(request)?.aadObjectId === check.clicker.aadObjectId)
    return { ok: false, reason: 'previous-approver' };
  if (!check.acknowledged) return { ok: false, reason: 'needs-acknowledgement' };
  return { ok: true };
}
