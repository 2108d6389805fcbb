// The runbook's step logic: what each answer does and which card comes next. Framework-free apart from
// card JSON, so RunbookDialog stays a thin adapter and this can be tested without botbuilder.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Language, MessageKey, Translator } from '../../i18n/index.js';
import {
  type Actor,
  type AuditAction,
  type AuditEvent,
  type DirectoryUser,
  extractUserQuery,
  openRequest,
  type RequestFacts,
  type RestrictedSender,
  type RunbookStep,
  TenantError,
  UNBLOCKS_PER_ACCOUNT_PER_DAY,
  type UnblockRequest,
} from '../../runbook/index.js';
import type { RequestStore } from '../../store/index.js';
import type { TenantGateway } from '../../tenant/index.js';
import type { RequestLedger } from '../../worker/index.js';
import type { SignCard } from '../cardSigning.js';
import {
  activeRequestNotice,
  cancelledNotice,
  errorNotice,
  notRestrictedNotice,
  requestedNotice,
  staleCardNotice,
  stepSummaryCard,
  warningNotice,
} from '../cards/noticeCards.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import * as cards from '../cards/runbookCards.js';
import type { RunbookCardData, RunbookVerb } from '../verbs.js';
import { gatherCompromiseChecks } from './compromiseChecks.js';

/** Persisted between turns in the dialog state. Never holds a password. */
export interface RunbookState {
  runbookId: string;
  step: RunbookStep;
  /** Pinned when the runbook starts: Teams may send another locale on a later invoke. */
  language: Language;
  query?: string;
  candidateIds?: string[];
  requestId?: string;
}

export type FlowInput =
  | { kind: 'text'; text: string }
  | { kind: 'action'; verb: RunbookVerb; data: RunbookCardData };

/** Who is talking and where: taken from the activity by src/bot, validated there. */
export interface TurnParty {
  actor: Actor;
  conversationId: string;
  tenantId: string;
}

export interface FlowOutcome {
  /** Replaces the clicked card for the clicker only (the invoke response). */
  invokeCard?: AdaptiveCardJson;
  /** Sent as new messages in the conversation. */
  messages: AdaptiveCardJson[];
  /** null when the runbook has ended. */
  state: RunbookState | null;
}

export interface RunbookFlowDeps {
  tenant: TenantGateway;
  requests: RequestStore;
  ledger: RequestLedger;
  t: Translator;
  logger: Logger;
  generatePassword: () => string;
  /** Signs the ids on each card button (see cardSigning.ts). */
  signCard: SignCard;
  now?: () => Date;
  newId?: () => string;
  /** Called when a request goes to the approvers (wakes the in-process worker). */
  onSubmitted?: () => void;
}

export class RunbookFlow {
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(private readonly deps: RunbookFlowDeps) {
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  /** Starts a runbook, with the user the agent already named if any. */
  async start(party: TurnParty, language: Language, query: string | null): Promise<FlowOutcome> {
    const state: RunbookState = { runbookId: this.newId(), step: 'who', language };
    if (!query) return { messages: [cards.askUserCard(this.cardContext(state))], state };
    return this.search(party, state, query, 'message');
  }

  async handle(party: TurnParty, state: RunbookState, input: FlowInput): Promise<FlowOutcome> {
    if (input.kind === 'text') {
      if (state.step !== 'who') {
        return { messages: [errorNoticeFor(this.deps.t, state.language, 'errors.useButtons')], state };
      }
      return this.search(party, state, extractUserQuery(input.text) ?? '', 'message');
    }
    if (input.data.runbookId !== state.runbookId || input.data.step !== state.step) {
      return { invokeCard: staleCard(this.deps.t, state.language), messages: [], state };
    }
    if (input.verb === 'runbook.cancel') return this.cancel(party, state);
    return this.answer(party, state, input.verb, input.data);
  }

  async cancel(party: TurnParty, state: RunbookState): Promise<FlowOutcome> {
    const request = await this.loadRequest(state);
    let ended = request;
    if (request?.state === 'open') {
      const moved = await this.deps.ledger.move(request, 'cancelled', this.context(party));
      if (moved.ok) ended = moved.request;
    }
    return { invokeCard: cancelledNotice(this.noticeContext(state), ended), messages: [], state: null };
  }

  private async answer(
    party: TurnParty,
    state: RunbookState,
    verb: RunbookVerb,
    data: RunbookCardData,
  ): Promise<FlowOutcome> {
    switch (verb) {
      case 'runbook.search':
        return this.search(party, state, data.query?.trim() ?? '', 'invoke');
      case 'runbook.chooseUser':
        return this.chooseUser(party, state, data.userId);
      case 'runbook.passwordAlreadyReset':
        return this.passwordDone(
          party,
          state,
          'reset-by-agent',
          'password.confirmed',
          'password.doneByAgent',
        );
      case 'runbook.passwordResetNow':
        return this.resetPassword(party, state);
      case 'runbook.passwordNoted':
        return this.continueAfterPassword(party, state, 'password.doneByBot');
      case 'runbook.passwordOnPremisesDone':
        return this.passwordDone(
          party,
          state,
          'on-premises',
          'password.on-premises',
          'password.doneOnPremises',
        );
      case 'runbook.restrictionContinue':
        return this.runChecks(party, state);
      case 'runbook.revokeSessions':
        return this.revokeSessions(party, state);
      case 'runbook.checksContinue':
        return this.showUnblock(state);
      case 'runbook.unblock':
        return this.showConfirm(state);
      case 'runbook.confirm':
        return this.confirm(party, state);
      case 'runbook.cancel':
        return this.cancel(party, state);
    }
  }

  private async search(
    party: TurnParty,
    state: RunbookState,
    query: string,
    via: 'message' | 'invoke',
  ): Promise<FlowOutcome> {
    const reply = (card: AdaptiveCardJson, next: RunbookState | null): FlowOutcome =>
      via === 'invoke' ? { invokeCard: card, messages: [], state: next } : { messages: [card], state: next };
    const askState: RunbookState = { ...state, step: 'who', query: undefined, candidateIds: undefined };
    if (!query) {
      return reply(
        cards.askUserCard(this.cardContext(askState), this.text(state, 'who.emptyQuery')),
        askState,
      );
    }
    const users = await this.deps.tenant.findUsers(query, 10);
    if (users.length === 0) {
      const problem = this.text(state, 'who.noMatch', { query });
      return reply(cards.askUserCard(this.cardContext(askState), problem), askState);
    }
    if (users.length > 1) {
      const next: RunbookState = { ...askState, query, candidateIds: users.map((u) => u.id) };
      return reply(cards.chooseUserCard(this.cardContext(next), query, users), next);
    }
    const [only] = users as [DirectoryUser];
    const outcome = await this.selectUser(party, state, only);
    // A typed answer has no card to replace, so the "✓ who" summary is dropped.
    return via === 'invoke' ? outcome : { messages: outcome.messages, state: outcome.state };
  }

  private async chooseUser(
    party: TurnParty,
    state: RunbookState,
    userId: string | undefined,
  ): Promise<FlowOutcome> {
    if (!userId || !state.candidateIds?.includes(userId)) {
      // Only ids the bot itself offered are accepted: a tampered value never selects another user.
      const users = await this.deps.tenant.findUsers(state.query ?? '', 10);
      const problem = this.text(state, 'who.chooseFirst');
      return {
        invokeCard: cards.chooseUserCard(this.cardContext(state), state.query ?? '', users, problem),
        messages: [],
        state,
      };
    }
    const user = await this.deps.tenant.getUser(userId);
    if (!user)
      return {
        invokeCard: errorNoticeFor(this.deps.t, state.language, 'errors.userGone'),
        messages: [],
        state,
      };
    return this.selectUser(party, state, user);
  }

  private async selectUser(party: TurnParty, state: RunbookState, user: DirectoryUser): Promise<FlowOutcome> {
    const active = await this.deps.requests.listActiveForTarget(user.id);
    const [existing] = active;
    if (existing) {
      return {
        ...this.summaryOf(state, 'who', cards.userLabel(user)),
        messages: [activeRequestNotice(this.noticeContext(state), existing)],
        state: null,
      };
    }
    const recentUnblocks = await this.unblocksInLastDay(user);
    if (recentUnblocks >= UNBLOCKS_PER_ACCOUNT_PER_DAY) {
      const text = this.text(state, 'who.dailyCap', { user: cards.userLabel(user), count: recentUnblocks });
      return {
        ...this.summaryOf(state, 'who', cards.userLabel(user)),
        messages: [warningNotice(this.noticeContext(state), text)],
        state: null,
      };
    }
    const request = openRequest({
      id: this.newId(),
      tenantId: party.tenantId,
      requester: party.actor,
      conversationId: party.conversationId,
      locale: state.language,
      target: user,
      now: this.now(),
    });
    await this.deps.requests.create(request);
    await this.deps.ledger.note(
      request,
      'request.created',
      { target: user.userPrincipalName },
      party.actor,
      party.conversationId,
    );
    const summary = this.summaryOf(state, 'who', cards.userLabel(user));
    // The bot resets passwords only for accounts Microsoft has actually restricted: the runbook does not
    // apply to anyone else, and a misused helpdesk account cannot take over arbitrary mailboxes with it.
    const restriction = await this.findRestriction(user);
    if (!restriction) return { ...summary, ...(await this.endNotRestricted(party, state, request)) };
    const next: RunbookState = { ...state, step: 'password', requestId: request.id, candidateIds: undefined };
    const card = cards.passwordCard(this.cardContext(next), user);
    return { ...summary, messages: [card], state: next };
  }

  private async findRestriction(user: DirectoryUser): Promise<RestrictedSender | null> {
    const address = user.mail ?? user.userPrincipalName;
    const found = await this.deps.tenant.findRestrictedSender(address);
    if (found || address === user.userPrincipalName) return found;
    return this.deps.tenant.findRestrictedSender(user.userPrincipalName);
  }

  /** Records that the user is not restricted and ends the runbook with what that means. */
  private async endNotRestricted(
    party: TurnParty,
    state: RunbookState,
    request: UnblockRequest,
  ): Promise<Omit<FlowOutcome, 'invokeCard'>> {
    const checked = await this.saveFacts(party, request, { restriction: null }, 'restriction.checked', {
      restricted: false,
    });
    const moved = await this.deps.ledger.move(checked, 'cancelled', {
      ...this.context(party),
      detail: { outcome: 'not-restricted' },
    });
    const ended = moved.ok ? moved.request : checked;
    return { messages: [notRestrictedNotice(this.noticeContext(state), ended)], state: null };
  }

  /** Unblocks of this user in the last 24 hours: peers cap them at 3 so Microsoft's own limit is not hit. */
  private async unblocksInLastDay(user: DirectoryUser): Promise<number> {
    const since = this.now().getTime() - 24 * 3600_000;
    const earlier = await this.deps.requests.listForTarget(user.id, 50);
    return earlier.filter((r) => r.unblockedAt && Date.parse(r.unblockedAt) > since).length;
  }

  private summaryOf(
    state: RunbookState,
    step: RunbookStep,
    summary: string,
  ): { invokeCard?: AdaptiveCardJson } {
    const ctx = this.cardContext({ ...state, step });
    return { invokeCard: stepSummaryCard(this.noticeContext(state), cards.stepHeader(ctx), summary) };
  }

  private async resetPassword(party: TurnParty, state: RunbookState): Promise<FlowOutcome> {
    const request = await this.requireRequest(state);
    const target = request.target;
    if (target.onPremisesSyncEnabled) return this.showOnPremises(state, target);
    const password = this.deps.generatePassword();
    try {
      await this.deps.tenant.resetPassword(target.id, password);
    } catch (error) {
      if (error instanceof TenantError && error.code === 'OnPremisesManaged')
        return this.showOnPremises(state, target);
      if (error instanceof TenantError && error.code === 'BadRequest') {
        const problem = this.text(state, 'errors.passwordRejected');
        return {
          invokeCard: cards.passwordCard(this.cardContext(state), target, problem),
          messages: [],
          state,
        };
      }
      throw error;
    }
    const updated = await this.saveFacts(party, request, { password: 'reset-by-bot' }, 'password.reset');
    const next: RunbookState = { ...state, step: 'password-shown' };
    // The password lives only in this invoke response: not in state, storage, logs or a message.
    return {
      invokeCard: cards.temporaryPasswordCard(this.cardContext(next), updated.target, password),
      messages: [],
      state: next,
    };
  }

  private showOnPremises(state: RunbookState, target: DirectoryUser): FlowOutcome {
    const next: RunbookState = { ...state, step: 'password-on-premises' };
    return {
      invokeCard: cards.onPremisesPasswordCard(this.cardContext(next), target),
      messages: [],
      state: next,
    };
  }

  private async passwordDone(
    party: TurnParty,
    state: RunbookState,
    status: 'reset-by-agent' | 'on-premises',
    action: AuditAction,
    summaryKey: 'password.doneByAgent' | 'password.doneOnPremises',
  ): Promise<FlowOutcome> {
    const request = await this.requireRequest(state);
    await this.saveFacts(party, request, { password: status }, action);
    return this.continueAfterPassword(party, state, summaryKey);
  }

  private async continueAfterPassword(
    party: TurnParty,
    state: RunbookState,
    summaryKey: 'password.doneByAgent' | 'password.doneByBot' | 'password.doneOnPremises',
  ): Promise<FlowOutcome> {
    const summary = this.summaryOf(state, 'password', this.text(state, summaryKey));
    const request = await this.requireRequest(state);
    // Checked again: another admin may have unblocked the user while the password step was open.
    const restriction = await this.findRestriction(request.target);
    if (!restriction) return { ...summary, ...(await this.endNotRestricted(party, state, request)) };
    const checked = await this.saveFacts(party, request, { restriction }, 'restriction.checked', {
      restricted: true,
    });
    const next: RunbookState = { ...state, step: 'restriction' };
    return {
      ...summary,
      messages: [cards.restrictionCard(this.cardContext(next), checked.target, restriction)],
      state: next,
    };
  }

  private async runChecks(party: TurnParty, state: RunbookState): Promise<FlowOutcome> {
    const request = await this.requireRequest(state);
    const since = request.restriction?.createdAt;
    const summaryText = this.text(state, 'restriction.done', {
      date: since ? this.deps.t.formatDateTime(state.language, since) : '?',
    });
    const checks = await gatherCompromiseChecks(this.deps.tenant, request.target, this.deps.logger);
    const updated = await this.saveFacts(party, request, { checks }, 'checks.completed', {
      suspiciousRules: checks.suspiciousRules.length,
      forwarding: Boolean(checks.forwarding?.forwardingSmtpAddress ?? checks.forwarding?.forwardingAddress),
    });
    const next: RunbookState = { ...state, step: 'checks' };
    return {
      ...this.summaryOf(state, 'restriction', summaryText),
      messages: [cards.checksCard(this.cardContext(next), updated.checks ?? checks)],
      state: next,
    };
  }

  private async revokeSessions(party: TurnParty, state: RunbookState): Promise<FlowOutcome> {
    const request = await this.requireRequest(state);
    await this.deps.tenant.revokeSessions(request.target.id);
    const checks = { ...(request.checks ?? emptyChecks()), sessionsRevoked: true };
    const updated = await this.saveFacts(party, request, { checks }, 'sessions.revoked');
    return {
      invokeCard: cards.checksCard(this.cardContext(state), updated.checks ?? checks),
      messages: [],
      state,
    };
  }

  private async showUnblock(state: RunbookState): Promise<FlowOutcome> {
    const request = await this.requireRequest(state);
    const [forwarding, rules, sessions] = request.checks
      ? cards.checkFacts(this.cardContext(state), request.checks).map((f) => f.value)
      : [];
    const summary = this.text(state, 'checks.done', {
      forwarding: forwarding ?? '?',
      rules: rules ?? '?',
      sessions: sessions ?? '?',
    });
    const next: RunbookState = { ...state, step: 'unblock' };
    return {
      ...this.summaryOf(state, 'checks', summary),
      messages: [cards.unblockCard(this.cardContext(next), request)],
      state: next,
    };
  }

  private async showConfirm(state: RunbookState): Promise<FlowOutcome> {
    const request = await this.requireRequest(state);
    const next: RunbookState = { ...state, step: 'confirm' };
    return { invokeCard: cards.confirmCard(this.cardContext(next), request), messages: [], state: next };
  }

  private async confirm(party: TurnParty, state: RunbookState): Promise<FlowOutcome> {
    const request = await this.requireRequest(state);
    const moved = await this.deps.ledger.move(request, 'pending_approval', this.context(party), {
      submittedAt: this.now().toISOString(),
    });
    if (!moved.ok) return { invokeCard: staleCard(this.deps.t, state.language), messages: [], state: null };
    this.deps.onSubmitted?.();
    return {
      invokeCard: requestedNotice(this.noticeContext(state), moved.request),
      messages: [],
      state: null,
    };
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  private text(
    state: RunbookState,
    key: Parameters<Translator['t']>[1],
    vars?: Parameters<Translator['t']>[2],
  ) {
    return this.deps.t.t(state.language, key, vars);
  }

  private cardContext(state: RunbookState): cards.CardContext {
    const { t, signCard: sign } = this.deps;
    return { t, language: state.language, runbookId: state.runbookId, step: state.step, sign };
  }

  private noticeContext(state: RunbookState) {
    return { t: this.deps.t, language: state.language };
  }

  private async loadRequest(state: RunbookState): Promise<UnblockRequest | null> {
    return state.requestId ? this.deps.requests.get(state.requestId) : null;
  }

  private async requireRequest(state: RunbookState): Promise<UnblockRequest> {
    const request = await this.loadRequest(state);
    if (!request)
      throw new RunbookStateError(`request ${state.requestId ?? '(none)'} is missing for step ${state.step}`);
    return request;
  }

  private context(party: TurnParty) {
    return { actor: party.actor, conversationId: party.conversationId };
  }

  private async saveFacts(
    party: TurnParty,
    request: UnblockRequest,
    facts: RequestFacts,
    action: AuditAction,
    detail: AuditEvent['detail'] = {},
  ): Promise<UnblockRequest> {
    const saved = await this.deps.ledger.amend(request, facts, { ...this.context(party), action, detail });
    if (!saved.ok) throw new RunbookStateError(`request ${request.id} changed while step ${action} ran`);
    return saved.request;
  }
}

/** The dialog state no longer matches the stored request (e.g. it was deleted or changed elsewhere). */
export class RunbookStateError extends Error {
  override readonly name = 'RunbookStateError';
}

function emptyChecks() {
  return { forwarding: null, suspiciousRules: [], ruleCount: -1, sessionsRevoked: false };
}

function staleCard(t: Translator, language: Language): AdaptiveCardJson {
  return staleCardNotice({ t, language });
}

function errorNoticeFor(t: Translator, language: Language, key: MessageKey): AdaptiveCardJson {
  return errorNotice({ t, language }, key);
}
