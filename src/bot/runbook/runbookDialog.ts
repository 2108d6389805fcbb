// RunbookDialog: the Bot Framework dialog that walks the runbook. A thin adapter: it hands each turn's input
// to RunbookFlow, sends the cards it returns and keeps the runbook's place in the dialog state.
import { Dialog, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog';
import type { DialogContext } from 'botbuilder-dialogs/lib/dialogContext';
import type { Language } from '../../i18n/index.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { cardMessage } from '../messages.js';
import type { FlowInput, FlowOutcome, RunbookFlow, RunbookState, TurnParty } from './runbookFlow.js';

export const RUNBOOK_DIALOG_ID = 'runbook';

/** Per-turn values the bot hands to the dialog (kept in turnState, never persisted). */
export const RUNBOOK_TURN = Symbol('runbookTurn');
export interface RunbookTurn {
  party: TurnParty;
  language: Language;
  input?: FlowInput | { kind: 'cancel' };
  /** Set by the dialog: the card to answer an invoke with. */
  invokeCard?: AdaptiveCardJson;
}

export interface RunbookDialogOptions {
  query: string | null;
}

interface DialogInstanceState {
  runbook?: RunbookState;
}

export class RunbookDialog extends Dialog<RunbookDialogOptions> {
  constructor(private readonly flow: RunbookFlow) {
    super(RUNBOOK_DIALOG_ID);
  }

  override async beginDialog(dc: DialogContext, options?: RunbookDialogOptions): Promise<DialogTurnResult> {
    const turn = runbookTurn(dc);
    const outcome = await this.flow.start(turn.party, turn.language, options?.query ?? null);
    return this.deliver(dc, turn, outcome);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const turn = runbookTurn(dc);
    const state = (dc.activeDialog?.state as DialogInstanceState | undefined)?.runbook;
    if (!state || !turn.input) return Dialog.EndOfTurn;
    const outcome =
      turn.input.kind === 'cancel'
        ? await this.flow.cancel(turn.party, state)
        : await this.flow.handle(turn.party, state, turn.input);
    return this.deliver(dc, turn, outcome);
  }

  private async deliver(
    dc: DialogContext,
    turn: RunbookTurn,
    outcome: FlowOutcome,
  ): Promise<DialogTurnResult> {
    turn.invokeCard = outcome.invokeCard;
    if (dc.context.activity.type !== 'invoke' && outcome.invokeCard) {
      // A typed message has no card to replace: what would replace it is sent instead.
      await dc.context.sendActivity(cardMessage(outcome.invokeCard));
    }
    for (const card of outcome.messages) await dc.context.sendActivity(cardMessage(card));
    if (!outcome.state) return dc.endDialog();
    (dc.activeDialog as { state: DialogInstanceState }).state.runbook = outcome.state;
    return Dialog.EndOfTurn;
  }
}

function runbookTurn(dc: DialogContext): RunbookTurn {
  const turn = dc.context.turnState.get(RUNBOOK_TURN) as RunbookTurn | undefined;
  if (!turn) throw new Error('RunbookDialog ran without RUNBOOK_TURN in turnState');
  return turn;
}
