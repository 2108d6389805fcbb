// Phishing waves: when more than WAVE_THRESHOLD accounts are restricted within an hour, the helpdesk gets one
// incident for all of them instead of a card each, and approvers one batch approval for the accounts whose
// compromise check found nothing (clean). An account with findings, a repeat offender or one at the daily
// cap is left out of the batch for its own decision. Pure rules; the wave's record and jobs live in
// src/requests/waves/.
import { UNBLOCKS_PER_ACCOUNT_PER_DAY } from './approvalPolicy.js';
import { isUnclaimedDetection } from './detection.js';
import { unresolvedFindings } from './findings.js';
import { isRepeatOffender } from './repeatOffenders.js';
import type { RestrictedSender, UnblockRequest } from './types.js';

/** How long a wave stays open for new accounts after the last one joined, and the counting window. */
export const WAVE_WINDOW_MS = 3600_000;

/**
 * Whether the list shows a wave: more than `threshold` accounts restricted within the last hour. On the
 * first detection ever, every account already on the list counts (they all are new to the bot).
 */
export function isWave(
  restricted: RestrictedSender[],
  now: Date,
  threshold: number,
  firstRun: boolean,
): boolean {
  const since = now.getTime() - WAVE_WINDOW_MS;
  const recent = firstRun
    ? restricted.length
    : restricted.filter((r) => r.createdAt !== null && Date.parse(r.createdAt) >= since).length;
  return recent > threshold;
}

export type WaveMemberStatus =
  /** The compromise check has not run yet. */
  | 'checking'
  /** Waiting for the batch approval. */
  | 'clean'
  /** Findings, a repeat offence or the daily cap: decided on its own card. */
  | 'flagged'
  /** An agent took it over. */
  | 'taken'
  | 'approved'
  | 'unblocked'
  | 'resumed'
  | 'ended';

/** Why a member is left out of the batch approval; null when it can be approved with the others. */
export function batchExclusion(request: UnblockRequest): 'findings' | 'repeat-offender' | 'daily-cap' | null {
  if (unresolvedFindings(request).length > 0) return 'findings';
  if (isRepeatOffender(request)) return 'repeat-offender';
  if ((request.repeat?.unblocksLast24h ?? 0) >= UNBLOCKS_PER_ACCOUNT_PER_DAY) return 'daily-cap';
  return null;
}

export function waveMemberStatus(request: UnblockRequest): WaveMemberStatus {
  if (!isUnclaimedDetection(request)) return request.state === 'resumed' ? 'resumed' : 'taken';
  switch (request.state) {
    case 'open':
      return 'checking';
    case 'pending_approval':
      return batchExclusion(request) ? 'flagged' : 'clean';
    case 'approved':
    case 'unblocking':
      return 'approved';
    case 'waiting_resume':
      return 'unblocked';
    case 'resumed':
      return 'resumed';
    default:
      return 'ended';
  }
}

/** The members the batch approval approves now: clean and still waiting (optionally only `selected`). */
export function batchApprovable(members: UnblockRequest[], selected?: readonly string[]): UnblockRequest[] {
  return members.filter(
    (m) => waveMemberStatus(m) === 'clean' && (selected === undefined || selected.includes(m.id)),
  );
}

/** A wave is done when no member can change any more (every request ended). */
export function isWaveDone(members: UnblockRequest[]): boolean {
  const active = ['open', 'pending_approval', 'approved', 'unblocking', 'waiting_resume'];
  return members.length > 0 && members.every((m) => !active.includes(m.state));
}

/** How many members are in each status, for the incident card and the summary. */
export function waveCounts(members: UnblockRequest[]): Record<WaveMemberStatus, number> {
  const counts: Record<WaveMemberStatus, number> = {
    checking: 0,
    clean: 0,
    flagged: 0,
    taken: 0,
    approved: 0,
    unblocked: 0,
    resumed: 0,
    ended: 0,
  };
  for (const member of members) counts[waveMemberStatus(member)] += 1;
  return counts;
}
