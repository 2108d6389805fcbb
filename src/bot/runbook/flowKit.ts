// What every runbook step needs: the dependencies, the clock, and the small helpers that turn state into
// card contexts, load the stored request and record findings on it.
import { randomUUID } from 'node:crypto';
import type { MessageKey, MessageVars } from '../../i18n/index.js';
import type {
  AuditAction,
  AuditEvent,
  RequestFacts,
  RunbookStep,
  UnblockRequest,
} from '../../runbook/index.js';
import { errorNotice, staleCardNotice, stepSummaryCard } from '../cards/noticeCards.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import * as cards from '../cards/runbookCards.js';
import { type RunbookFlowDeps, type RunbookState, RunbookStateError, type TurnParty } from './flowTypes.js';

export class FlowKit {
  readonly newId: () => string;

  constructor(readonly deps: RunbookFlowDeps) {
    this.newId = deps.newId ?? randomUUID;
  }

  text(state: RunbookState, key: MessageKey, vars?: MessageVars): string {
    return this.deps.t.t(state.language, key, vars);
  }

  cardContext(state: RunbookState): cards.CardContext {
    const { t, signCard: sign } = this.deps;
    return { t, language: state.language, runbookId: state.runbookId, step: state.step, sign };
  }

  noticeContext(state: RunbookState) {
    return { t: this.deps.t, language: state.language };
  }

  /** The "✓ …" card that replaces a clicked step card. */
  summaryOf(state: RunbookState, step: RunbookStep, summary: string): { invokeCard?: AdaptiveCardJson } {
    const ctx = this.cardContext({ ...state, step });
    return { invokeCard: stepSummaryCard(this.noticeContext(state), cards.stepHeader(ctx), summary) };
  }

  staleCard(state: RunbookState): AdaptiveCardJson {
    return staleCardNotice(this.noticeContext(state));
  }

  errorCard(state: RunbookState, key: MessageKey): AdaptiveCardJson {
    return errorNotice(this.noticeContext(state), key);
  }

  async loadRequest(state: RunbookState): Promise<UnblockRequest | null> {
    return state.requestId ? this.deps.lifecycle.get(state.requestId) : null;
  }

  async requireRequest(state: RunbookState): Promise<UnblockRequest> {
    const request = await this.loadRequest(state);
    if (!request) {
      throw new RunbookStateError(`request ${state.requestId ?? '(none)'} is missing for step ${state.step}`);
    }
    return request;
  }

  auditContext(party: TurnParty) {
    return { actor: party.actor, conversationId: party.conversationId };
  }

  /** Records findings on the request (compare-and-set + audit); a concurrent change is a bug here. */
  async saveFacts(
    party: TurnParty,
    request: UnblockRequest,
    facts: RequestFacts,
    action: AuditAction,
    detail: AuditEvent['detail'] = {},
  ): Promise<UnblockRequest> {
    const saved = await this.deps.lifecycle.record(request, facts, this.auditContext(party), action, detail);
    if (!saved.ok) throw new RunbookStateError(`request ${request.id} changed while step ${action} ran`);
    return saved.request;
  }
}
