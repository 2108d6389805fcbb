// The runbook's step logic: what each answer does and which card comes next. Framework-free apart from
// card JSON, so RunbookDialog stays a thin adapter and this can be tested without botbuilder. The steps
// live in whoStep.ts, passwordStep.ts and reviewSteps.ts.
import type { Language } from '../../i18n/index.js';
import { extractUserQuery } from '../../runbook/index.js';
import { cancelledNotice } from '../cards/noticeCards.js';
import * as cards from '../cards/runbookCards.js';
import type { RunbookCardData, RunbookVerb } from '../verbs.js';
import { FlowKit } from './flowKit.js';
import type { FlowInput, FlowOutcome, RunbookFlowDeps, RunbookState, TurnParty } from './flowTypes.js';
import { continueAfterPassword, passwordDone, passwordResetByHand, resetPassword } from './passwordStep.js';
import { confirm, revokeSessions, runChecks, showConfirm, showUnblock } from './reviewSteps.js';
import { chooseUser, search } from './whoStep.js';

export * from './flowTypes.js';

export class RunbookFlow {
  private readonly kit: FlowKit;

  constructor(deps: RunbookFlowDeps) {
    this.kit = new FlowKit(deps);
  }

  /** Starts a runbook, with the user the agent already named if any. */
  async start(party: TurnParty, language: Language, query: string | null): Promise<FlowOutcome> {
    const state: RunbookState = { runbookId: this.kit.newId(), step: 'who', language };
    if (!query) return { messages: [cards.askUserCard(this.kit.cardContext(state))], state };
    return search(this.kit, party, state, query, 'message');
  }

  async handle(party: TurnParty, state: RunbookState, input: FlowInput): Promise<FlowOutcome> {
    if (input.kind === 'text') {
      if (state.step !== 'who') return { messages: [this.kit.errorCard(state, 'errors.useButtons')], state };
      return search(this.kit, party, state, extractUserQuery(input.text) ?? '', 'message');
    }
    if (input.data.runbookId !== state.runbookId || input.data.step !== state.step) {
      return { invokeCard: this.kit.staleCard(state), messages: [], state };
    }
    return this.answer(party, state, input.verb, input.data);
  }

  async cancel(party: TurnParty, state: RunbookState): Promise<FlowOutcome> {
    const request = await this.kit.loadRequest(state);
    let ended = request;
    if (request?.state === 'open') {
      const moved = await this.kit.deps.lifecycle.cancel(request, this.kit.auditContext(party));
      if (moved.ok) ended = moved.request;
    }
    return { invokeCard: cancelledNotice(this.kit.noticeContext(state), ended), messages: [], state: null };
  }

  private answer(party: TurnParty, state: RunbookState, verb: RunbookVerb, data: RunbookCardData) {
    const kit = this.kit;
    switch (verb) {
      case 'runbook.search':
        return search(kit, party, state, data.query?.trim() ?? '', 'invoke');
      case 'runbook.chooseUser':
        return chooseUser(kit, party, state, data.userId);
      case 'runbook.passwordAlreadyReset':
        return passwordDone(
          kit,
          party,
          state,
          'reset-by-agent',
          'password.confirmed',
          'password.doneByAgent',
        );
      case 'runbook.passwordResetNow':
        return resetPassword(kit, party, state);
      case 'runbook.passwordNoted':
        return continueAfterPassword(kit, party, state, 'password.doneByBot');
      case 'runbook.passwordOnPremisesDone':
        return passwordDone(
          kit,
          party,
          state,
          'on-premises',
          'password.on-premises',
          'password.doneOnPremises',
        );
      case 'runbook.passwordResetByHand':
        return passwordResetByHand(kit, party, state);
      case 'runbook.restrictionContinue':
        return runChecks(kit, party, state);
      case 'runbook.revokeSessions':
        return revokeSessions(kit, party, state);
      case 'runbook.checksContinue':
        return showUnblock(kit, state);
      case 'runbook.unblock':
        return showConfirm(kit, state);
      case 'runbook.confirm':
        return confirm(kit, party, state);
      case 'runbook.cancel':
        return this.cancel(party, state);
    }
  }
}
