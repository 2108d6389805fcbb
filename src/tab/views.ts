// The stored request and its audit trail as the Requests tab shows them: only what the page needs, from
// the server's record (the same truth the cards are built from). Pure functions.
import {
  type Actor,
  type AuditEvent,
  checkApproval,
  checkRetry,
  parseRestrictionReason,
  type UnblockRequest,
  unblockAttemptOf,
} from '../runbook/index.js';
import type {
  ConversationKind,
  RequestActionsView,
  RequestDetailView,
  RequestSummaryView,
  TimelineEntryView,
} from './contract.js';

/** The audit entries' conversation id of decisions taken in the tab. */
export const TAB_CONVERSATION_ID = 'tab:requests';

/** Since when the request waits for its next step; null once it has ended. */
function waitingSince(request: UnblockRequest): string | null {
  switch (request.state) {
    case 'open':
      return request.createdAt;
    case 'pending_approval':
      return request.submittedAt ?? request.updatedAt;
    case 'approved':
    case 'unblocking':
      return request.decidedAt ?? request.updatedAt;
    case 'waiting_resume':
      return request.unblockedAt ?? request.updatedAt;
    default:
      return null;
  }
}

export function summaryView(request: UnblockRequest): RequestSummaryView {
  return {
    id: request.id,
    state: request.state,
    user: { displayName: request.target.displayName, userPrincipalName: request.target.userPrincipalName },
    requester: { id: request.requester.aadObjectId, name: request.requester.name },
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    waitingSince: waitingSince(request),
  };
}

/** Teams conversation ids: "a:…" 1:1 chats, "19:…@thread.tacv2|skype" channels, "19:…@thread.v2" group chats. */
export function conversationKind(conversationId: string | null): ConversationKind {
  if (conversationId === null) return 'automatic';
  if (conversationId === TAB_CONVERSATION_ID) return 'tab';
  if (/^a:|^8:orgid:/.test(conversationId)) return 'personal';
  if (/^19:.*@thread\.(tacv2|skype)/.test(conversationId)) return 'channel';
  if (/^19:.*@thread\.v2/.test(conversationId)) return 'group';
  return 'other';
}

export function timelineView(events: AuditEvent[]): TimelineEntryView[] {
  return events.map((event) => ({
    at: event.at,
    action: event.action,
    actor: event.actor?.name ?? null,
    fromState: event.fromState,
    toState: event.toState,
    conversation: conversationKind(event.conversationId),
    conversationId: event.conversationId,
    detail: event.detail,
  }));
}

export function actionsView(
  request: UnblockRequest,
  viewer: Actor,
  isApprover: boolean,
  allowSelfApproval: boolean,
): RequestActionsView {
  const check = { request, clicker: viewer, isApprover, allowSelfApproval };
  const approval = checkApproval(check);
  const retry = checkRetry(check);
  const refused = !approval.ok && approval.reason === 'own-request' && request.state === 'pending_approval';
  return {
    approve: approval.ok,
    reject: approval.ok,
    retry: retry.ok,
    refusal: refused ? 'own-request' : null,
  };
}

export function detailView(
  request: UnblockRequest,
  events: AuditEvent[],
  actions: RequestActionsView,
): RequestDetailView {
  const checks = request.checks;
  return {
    ...summaryView(request),
    version: request.version,
    restriction: request.restriction
      ? {
          kind: parseRestrictionReason(request.restriction.reason).kind,
          reason: request.restriction.reason,
          since: request.restriction.createdAt,
          temporary: request.restriction.temporaryBlock,
        }
      : null,
    password: request.password,
    checks: checks
      ? {
          forwardingTo:
            checks.forwarding?.forwardingSmtpAddress ?? checks.forwarding?.forwardingAddress ?? null,
          suspiciousRules: checks.suspiciousRules.length,
          ruleCount: checks.ruleCount,
          sessionsRevoked: checks.sessionsRevoked,
        }
      : null,
    submittedAt: request.submittedAt,
    decision: request.decidedBy
      ? { by: request.decidedBy.name, at: request.decidedAt, comment: request.decisionComment }
      : null,
    unblockedAt: request.unblockedAt,
    resumedAt: request.resumedAt,
    failure: request.failure,
    attempt: unblockAttemptOf(request),
    timeline: timelineView(events),
    actions,
  };
}
