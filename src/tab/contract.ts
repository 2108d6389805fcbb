// What the Requests tab's API sends and accepts (/api/tab/*), shared by the server (api.ts) and the page
// (client/), so both sides change together. Types and constants only: the browser bundle imports this.
import type { AuditAction, PasswordStatus, RequestFailure, RequestState } from '../runbook/index.js';

export type { AuditAction, PasswordStatus, RequestFailure, RequestState };

/** Every state, in the order a request passes through them (the state filter offers them in this order). */
export const REQUEST_STATES = [
  'open',
  'pending_approval',
  'approved',
  'unblocking',
  'waiting_resume',
  'resumed',
  'rejected',
  'cancelled',
  'failed',
  'expired',
] as const satisfies readonly RequestState[];

/** The states of a request still in progress ("In progress" in the state filter). */
export const ACTIVE_STATES = [
  'open',
  'pending_approval',
  'approved',
  'unblocking',
  'waiting_resume',
] as const satisfies readonly RequestState[];

export const LIMITS = {
  /** Requests per page: default and most. */
  pageSize: 25,
  maxPageSize: 100,
  /** Characters of the search box and the user filter. */
  maxSearch: 200,
  /** Characters of a decision comment (the card allows the same). */
  maxComment: 500,
} as const;

/** Approvers see every request; the helpdesk sees the requests they started. */
export type TabRole = 'approver' | 'helpdesk';

export interface MeView {
  name: string;
  role: TabRole;
}

export interface PersonView {
  id: string;
  name: string;
}

export interface RequestSummaryView {
  id: string;
  state: RequestState;
  user: { displayName: string; userPrincipalName: string };
  requester: PersonView;
  createdAt: string;
  updatedAt: string;
  /** Since when the request waits for its next step (approval, the unblock, sending to resume); null once ended. */
  waitingSince: string | null;
}

export interface RequestListView {
  requests: RequestSummaryView[];
  /** Pass as `after` for the next page; null on the last page. */
  next: string | null;
}

/** Where something was done: a 1:1 chat, a channel, a group chat, this tab, or the bot on its own. */
export type ConversationKind = 'personal' | 'channel' | 'group' | 'tab' | 'automatic' | 'other';

export interface TimelineEntryView {
  at: string;
  action: AuditAction;
  /** Who did it; null for the bot's own work (worker, monitor, timers). */
  actor: string | null;
  fromState: RequestState | null;
  toState: RequestState | null;
  conversation: ConversationKind;
  conversationId: string | null;
  /** Facts of the entry as the audit log keeps them (never secrets), e.g. decision, reason, attempt. */
  detail: Record<string, string | number | boolean | null>;
}

/** What the signed-in person may do with this request now (the server checks again on every click). */
export interface RequestActionsView {
  approve: boolean;
  reject: boolean;
  retry: boolean;
  /** Why an approver cannot decide it: their own request (separation of duties). */
  refusal: 'own-request' | null;
}

export interface RequestDetailView extends RequestSummaryView {
  version: number;
  restriction: {
    kind: 'recipient-limit' | 'outbound-spam' | 'unknown';
    reason: string;
    since: string | null;
    temporary: boolean;
  } | null;
  password: PasswordStatus | null;
  checks: {
    forwardingTo: string | null;
    suspiciousRules: number;
    ruleCount: number;
    sessionsRevoked: boolean;
  } | null;
  submittedAt: string | null;
  decision: { by: string; at: string | null; comment: string | null } | null;
  unblockedAt: string | null;
  resumedAt: string | null;
  failure: RequestFailure | null;
  attempt: number;
  timeline: TimelineEntryView[];
  actions: RequestActionsView;
}

export type Decision = 'approve' | 'reject' | 'retry';

export interface DecisionView {
  outcome: 'decided';
  request: RequestDetailView;
}

export interface ChangesView {
  /** Changes whenever any request changes; reload what is shown when it moves. */
  marker: string;
}

export type ApiErrorCode =
  | 'InvalidToken'
  | 'Forbidden'
  | 'BadQuery'
  | 'NotFound'
  | 'AlreadyDecided'
  | 'UnsupportedMediaType'
  | 'TabNotConfigured'
  | 'Unavailable';

export interface ApiErrorBody {
  error: ApiErrorCode;
  /** English, for logs and developers; the page shows its own text in the person's language. */
  message: string;
  /** BadQuery: one line per problem, naming the parameter. */
  details?: string[];
  /** AlreadyDecided: the state the request is in now. */
  state?: RequestState;
  /** Forbidden: why (the page words each one differently). */
  reason?: ForbiddenReason;
}

export type ForbiddenReason = 'no-role' | 'not-theirs' | 'not-approver' | 'own-request';
