// Steps 2–4: the Restricted-list finding, the compromise check (with revoking sessions), and the unblock
// request confirmed with Yes, which sends it to the approvers.

import { requestedNotice } from '../cards/noticeCards.js';
import * as cards from '../cards/runbookCards.js';
import { gatherCompromiseChecks } from './compromiseChecks.js';
import type { FlowKit } from './flowKit.js';
import type { FlowOutcome, RunbookState, TurnParty } from './flowTypes.js';

function emptyChecks() {
  return { forwarding: null, suspiciousRules: [], ruleCount: -1, sessionsRevoked: false };
}

export async function runChecks(kit: FlowKit, party: TurnParty, state: RunbookState): Promise<FlowOutcome> {
  const request = await kit.requireRequest(state);
  const since = request.restriction?.createdAt;
  const summaryText = kit.text(state, 'restriction.done', {
    date: since ? kit.deps.t.formatDateTime(state.language, since) : '?',
  });
  const checks = await gatherCompromiseChecks(kit.deps.tenant, request.target, kit.deps.logger);
  const updated = await kit.saveFacts(party, request, { checks }, 'checks.completed', {
    suspiciousRules: checks.suspiciousRules.length,
    forwarding: Boolean(checks.forwarding?.forwardingSmtpAddress ?? checks.forwarding?.forwardingAddress),
  });
  const next: RunbookState = { ...state, step: 'checks' };
  return {
    ...kit.summaryOf(state, 'restriction', summaryText),
    messages: [cards.checksCard(kit.cardContext(next), updated.checks ?? checks)],
    state: next,
  };
}
export async function revokeSessions(
  kit: FlowKit,
  party: TurnParty,
  state: RunbookState,
): Promise<FlowOutcome> {
  const request = await kit.requireRequest(state);
  await kit.deps.tenant.revokeSessions(request.target.id);
  const checks = { ...(request.checks ?? emptyChecks()), sessionsRevoked: true };
  const updated = await kit.saveFacts(party, request, { checks }, 'sessions.revoked');
  return {
    invokeCard: cards.checksCard(kit.cardContext(state), updated.checks ?? checks),
    messages: [],
    state,
  };
}
export async function showUnblock(kit: FlowKit, state: RunbookState): Promise<FlowOutcome> {
  const request = await kit.requireRequest(state);
  const [forwarding, rules, sessions] = request.checks
    ? cards.checkFacts(kit.cardContext(state), request.checks).map((f) => f.value)
    : [];
  const summary = kit.text(state, 'checks.done', {
    forwarding: forwarding ?? '?',
    rules: rules ?? '?',
    sessions: sessions ?? '?',
  });
  const next: RunbookState = { ...state, step: 'unblock' };
  return {
    ...kit.summaryOf(state, 'checks', summary),
    messages: [cards.unblockCard(kit.cardContext(next), request)],
    state: next,
  };
}
export async function showConfirm(kit: FlowKit, state: RunbookState): Promise<FlowOutcome> {
  const request = await kit.requireRequest(state);
  const next: RunbookState = { ...state, step: 'confirm' };
  return { invokeCard: cards.confirmCard(kit.cardContext(next), request), messages: [], state: next };
}
export async function confirm(kit: FlowKit, party: TurnParty, state: RunbookState): Promise<FlowOutcome> {
  const request = await kit.requireRequest(state);
  const moved = await kit.deps.lifecycle.submit(request, kit.auditContext(party));
  if (!moved.ok) return { invokeCard: kit.staleCard(state), messages: [], state: null };
  return {
    invokeCard: requestedNotice(kit.noticeContext(state), moved.request),
    messages: [],
    state: null,
  };
}
