// The UnblockRequest state machine. Pure: every change returns a new record with version + 1; the store
// writes it with a compare-and-set on the old version.
import type { Actor, DirectoryUser, RequestFailure, RequestState, UnblockRequest } from './types.js';

const allowed: Record<RequestState, readonly RequestState[]> = {
  open: ['pending_approval', 'cancelled', 'failed'],
  pending_approval: ['approved', 'rejected', 'cancelled', 'expired'],
  approved: ['unblocking', 'failed'],
  unblocking: ['waiting_resume', 'failed'],
  waiting_resume: ['resumed', 'failed'],
  resumed: [],
  rejected: [],
  cancelled: [],
  // An approver may retry a failed unblock: a new attempt, with its own unblock job.
  failed: ['approved'],
  expired: [],
};

export const terminalStates: readonly RequestState[] = [
  'resumed',
  'rejected',
  'cancelled',
  'failed',
  'expired',
];

export function isTerminal(state: RequestState): boolean {
  return terminalStates.includes(state);
}

/** The states of a request still in progress: every state of the machine that is not an end. */
export const activeStates: readonly RequestState[] = (Object.keys(allowed) as RequestState[]).filter(
  (state) => !isTerminal(state),
);

/** Failures a new unblock attempt can fix (Exchange was down, a permission was missing, sending never resumed). */
const retryableFailures: readonly RequestFailure[] = [
  'retries-exhausted',
  'insufficient-permissions',
  'resume-timeout',
];

/** Whether an approver may retry this request's unblock from the card. */
export function canRetryUnblock(request: UnblockRequest): boolean {
  return (
    request.state === 'failed' && request.failure !== null && retryableFailures.includes(request.failure)
  );
}

/** The current unblock attempt (1 for records from before retries existed). */
export function unblockAttemptOf(request: UnblockRequest): number {
  return request.attempt ?? 1;
}

/** The address Exchange knows the sender by: the Restricted list's own entry, else the mailbox's address. */
export function senderAddressOf(request: UnblockRequest): string {
  return request.restriction?.senderAddress ?? request.target.mail ?? request.target.userPrincipalName;
}

export function canTransition(from: RequestState, to: RequestState): boolean {
  return allowed[from].includes(to);
}

export interface NewRequest {
  id: string;
  tenantId: string;
  requester: Actor;
  conversationId: string;
  locale: string;
  target: DirectoryUser;
  now: Date;
}

export function openRequest(input: NewRequest): UnblockRequest {
  const at = input.now.toISOString();
  return {
    id: input.id,
    version: 1,
    state: 'open',
    tenantId: input.tenantId,
    requester: input.requester,
    conversationId: input.conversationId,
    locale: input.locale,
    target: input.target,
    password: null,
    restriction: null,
    checks: null,
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
    remindedAt: null,
    decidedBy: null,
    decidedAt: null,
    decisionComment: null,
    unblockedAt: null,
    resumedAt: null,
    failure: null,
    attempt: 1,
  };
}

/** Facts that may change without a state change (findings gathered along the runbook, a reminder sent). */
export type RequestFacts = Partial<
  Pick<UnblockRequest, 'password' | 'restriction' | 'checks' | 'remindedAt' | 'failure'>
>;

/** Records facts on a request, keeping its state. */
export function recordFacts(request: UnblockRequest, facts: RequestFacts, now: Date): UnblockRequest {
  return { ...request, ...facts, version: request.version + 1, updatedAt: now.toISOString() };
}

export type TransitionResult =
  | { ok: true; request: UnblockRequest }
  | { ok: false; reason: 'invalid-transition'; from: RequestState; to: RequestState };

export function transition(
  request: UnblockRequest,
  to: RequestState,
  now: Date,
  changes: Partial<Omit<UnblockRequest, 'id' | 'version' | 'state'>> = {},
): TransitionResult {
  if (!canTransition(request.state, to))
    return { ok: false, reason: 'invalid-transition', from: request.state, to };
  return {
    ok: true,
    request: {
      ...request,
      ...changes,
      state: to,
      version: request.version + 1,
      updatedAt: now.toISOString(),
    },
  };
}
