// The Teams activity handler: routes typed commands and card actions to their handlers, answers every
// invoke with a card, and keeps each turn of one person in one conversation in order. The handlers live
// beside it: commands/ (typed commands), cardActions.ts (parse and verify every click), runbook/ (the
// runbook dialog), approvals/ (decisions).
import type { BotState, InvokeResponse, TurnContext } from 'botbuilder';
import { TeamsActivityHandler } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs/lib/dialogContext';
import { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
import type { Logger } from 'pino';
import { type Language, resolveLanguage, type Translator } from '../i18n/index.js';
import type { RequestLifecycle } from '../requests/index.js';
import type { AgentIntent } from '../runbook/index.js';
import type { ConversationStore } from '../store/index.js';
import type { TurnAdmission } from './admission.js';
import type { ApprovalHandler } from './approvals/approvalHandler.js';
import type { ApproverDirectory } from './approvals/approverDirectory.js';
import type { EvidenceHandler } from './approvals/evidenceHandler.js';
import { type CardAction, verifyCardAction } from './cardActions.js';
import type { CardSigner } from './cardSigning.js';
import { errorNotice, helpCard, staleCardNotice } from './cards/noticeCards.js';
import type { AdaptiveCardJson } from './cards/render.js';
import { setChannel } from './commands/channelCommand.js';
import { statusCommand } from './commands/statusCommand.js';
import { parseTypedCommand, typedText } from './commands/typedCommand.js';
import type { ConversationMemory } from './conversationMemory.js';
import { type ContinueConversation, startRunbookFromCard } from './detection/startRunbook.js';
import { withErrorCard } from './errorCards.js';
import { KeyedMutex } from './keyedMutex.js';
import { cardInvokeResponse, cardMessage, errorInvokeResponse } from './messages.js';
import { RUNBOOK_DIALOG_ID, RUNBOOK_TURN, RunbookDialog, type RunbookTurn } from './runbook/runbookDialog.js';
import type { RunbookFlow, TurnParty } from './runbook/runbookFlow.js';
import { partyOf } from './turnParty.js';
import { adaptiveCardInvokeValue } from './verbs.js';
import { handleWaveAction, type WaveActionDeps } from './waves/waveActionHandler.js';

export interface UnblockBotDeps {
  state: BotState;
  flow: RunbookFlow;
  approvals: ApprovalHandler;
  /** Fix and Waive on the approval card's evidence checklist. */
  evidence: EvidenceHandler;
  /** A phishing wave's batch approval card. */
  waves: WaveActionDeps;
  directory: ApproverDirectory;
  lifecycle: RequestLifecycle;
  t: Translator;
  memory: ConversationMemory;
  logger: Logger;
  /** Used when an activity carries no tenant id (local clients). */
  defaultTenantId: string;
  /** Tenant boundary and per-person rate, checked before every turn. */
  admission: TurnAdmission;
  /** Checks the HMAC on every clicked button's ids. */
  cardSigner: CardSigner;
  /** Where Start runbook finds the clicker's own chat, and how it continues there. */
  conversations: Pick<ConversationStore, 'getReference'>;
  continueConversation: ContinueConversation;
}

export class UnblockBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly turns = new KeyedMutex();
  private readonly helpCards = new Map<Language, AdaptiveCardJson>();

  constructor(private readonly deps: UnblockBotDeps) {
    super();
    this.dialogs = new DialogSet(deps.state.createProperty<DialogState>('dialogState'));
    this.dialogs.add(new RunbookDialog(deps.flow));

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    // Teams announces an install as a conversationUpdate whose membersAdded holds the bot itself; the
    // welcome says what the bot does (once per install, not for every person who joins a team).
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) {
        await this.deps.memory.remember(context.activity, this.languageOf(context));
        await context.sendActivity(cardMessage(this.helpCardFor(this.languageOf(context))));
      }
      await next();
    });
  }

  /** One turn at a time per person and conversation: a double click waits for the first click's answer. */
  override async run(context: TurnContext): Promise<void> {
    if (!(await this.deps.admission.admit(context))) return;
    const key = `${context.activity.conversation?.id}|${context.activity.from?.id}`;
    await this.turns.run(key, async () => {
      await super.run(context);
      await this.deps.state.saveChanges(context, false);
    });
  }

  private languageOf(context: TurnContext): Language {
    return resolveLanguage(context.activity.locale);
  }

  private party(context: TurnContext): TurnParty {
    return partyOf(context.activity, this.deps.defaultTenantId);
  }

  private guarded(
    context: TurnContext,
    language: Language,
    step: () => Promise<AdaptiveCardJson | undefined>,
  ) {
    return withErrorCard(this.deps, context, language, step);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const language = this.languageOf(context);
    await this.deps.memory.remember(context.activity, language);
    const command = parseTypedCommand(typedText(context));
    const party = this.party(context);
    switch (command.kind) {
      case 'set-approvals-channel':
        await this.guarded(context, language, () =>
          setChannel('approvals', this.deps, context, party, language, command.channelLanguage),
        );
        return;
      case 'set-helpdesk-channel':
        await this.guarded(context, language, () =>
          setChannel('helpdesk', this.deps, context, party, language, command.channelLanguage),
        );
        return;
      case 'help':
        await context.sendActivity(cardMessage(this.helpCardFor(language)));
        return;
      case 'status':
        await this.guarded(context, language, () => statusCommand(this.deps, context, party, language));
        return;
      default:
        await this.guarded(context, language, () =>
          this.runbookMessage(context, { party, language }, command),
        );
    }
  }

  /** Typed text for the runbook: start it, answer its question, cancel or start over. */
  private async runbookMessage(
    context: TurnContext,
    turn: RunbookTurn,
    command: Extract<AgentIntent, { kind: 'cancel' | 'start-over' | 'unblock' }>,
  ): Promise<AdaptiveCardJson | undefined> {
    context.turnState.set(RUNBOOK_TURN, turn);
    const dc = await this.dialogs.createContext(context);
    if (command.kind === 'cancel' || command.kind === 'start-over') {
      if (dc.activeDialog) {
        turn.input = { kind: 'cancel' };
        await dc.continueDialog();
      } else if (command.kind === 'cancel') {
        await context.sendActivity(
          cardMessage(errorNotice({ t: this.deps.t, language: turn.language }, 'errors.noRunbook')),
        );
      }
      if (command.kind === 'start-over') await dc.beginDialog(RUNBOOK_DIALOG_ID, { query: null });
      return undefined;
    }
    if (dc.activeDialog) {
      turn.input = { kind: 'text', text: typedText(context) };
      await dc.continueDialog();
      return undefined;
    }
    if (!(await this.deps.directory.mayStartRequests(turn.party.actor.aadObjectId))) {
      await this.deps.lifecycle.noteWithoutRequest('access.refused', turn.party, { reason: 'not-helpdesk' });
      await context.sendActivity(
        cardMessage(errorNotice({ t: this.deps.t, language: turn.language }, 'errors.notHelpdesk')),
      );
      return undefined;
    }
    await dc.beginDialog(RUNBOOK_DIALOG_ID, { query: command.query });
    return undefined;
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') {
      return errorInvokeResponse(
        400,
        'UnsupportedInvoke',
        'This bot answers adaptiveCard/action invokes only.',
      );
    }
    const parsed = adaptiveCardInvokeValue.safeParse(context.activity.value);
    if (!parsed.success) {
      return errorInvokeResponse(400, 'BadRequest', 'The invoke value is not a valid Action.Execute.');
    }
    const language = this.languageOf(context);
    await this.deps.memory.remember(context.activity, language);
    const { verb, data } = parsed.data.action;
    const action = verifyCardAction(this.deps.cardSigner, verb, data ?? {});
    if (!action) {
      this.deps.logger.warn(
        { verb, conversationId: context.activity.conversation?.id },
        'unknown, malformed or unsigned card action',
      );
      return cardInvokeResponse(errorNotice({ t: this.deps.t, language }, 'errors.unknownAction'));
    }
    const card = await this.guarded(context, language, () => {
      if (action.family === 'runbook') return this.onRunbookAction(context, action, language);
      if (action.family === 'detection') return this.onDetectionAction(context, action, language);
      if (action.family === 'wave') {
        const party = this.party(context);
        return handleWaveAction(this.deps.waves, {
          verb: action.verb,
          waveId: action.data.waveId,
          requestId: action.data.requestId,
          clicker: party.actor,
          conversationId: party.conversationId,
          language,
        });
      }
      if (action.family === 'evidence') {
        const party = this.party(context);
        return this.deps.evidence.handle({
          verb: action.verb,
          requestId: action.data.requestId,
          finding: action.data.finding,
          reason: action.data.reason,
          clicker: party.actor,
          conversationId: party.conversationId,
          language,
        });
      }
      return this.onApprovalAction(context, action, language);
    });
    return cardInvokeResponse(card);
  }

  private async onRunbookAction(
    context: TurnContext,
    action: Extract<CardAction, { family: 'runbook' }>,
    language: Language,
  ): Promise<AdaptiveCardJson> {
    const input = { kind: 'action' as const, verb: action.verb, data: action.data };
    const turn: RunbookTurn = { party: this.party(context), language, input };
    context.turnState.set(RUNBOOK_TURN, turn);
    const dc = await this.dialogs.createContext(context);
    if (!dc.activeDialog) return staleCardNotice({ t: this.deps.t, language });
    await dc.continueDialog();
    return turn.invokeCard ?? staleCardNotice({ t: this.deps.t, language });
  }

  private onApprovalAction(
    context: TurnContext,
    action: Extract<CardAction, { family: 'approval' }>,
    language: Language,
  ): Promise<AdaptiveCardJson> {
    const party = this.party(context);
    return this.deps.approvals.handle({
      verb: action.verb,
      requestId: action.data.requestId,
      comment: action.data.comment,
      acknowledged: action.data.acknowledge === 'true',
      clicker: party.actor,
      conversationId: party.conversationId,
      language,
    });
  }

  private onDetectionAction(
    context: TurnContext,
    action: Extract<CardAction, { family: 'detection' }>,
    language: Language,
  ): Promise<AdaptiveCardJson> {
    return startRunbookFromCard(
      {
        ...this.deps,
        sign: this.deps.cardSigner.sign,
        beginRunbook: (chat, party, chatLanguage, query) =>
          this.beginRunbook(chat, party, chatLanguage, query),
      },
      context,
      { requestId: action.data.requestId, party: this.party(context), language },
    );
  }

  /**
   * Begins the runbook for `query` in `context`'s conversation, as if the agent had typed "unblock <query>".
   * In another conversation than the current turn's (Start runbook clicked in a channel) it runs in that
   * conversation's own turn, in order with the agent's other turns there.
   */
  private async beginRunbook(
    context: TurnContext,
    party: TurnParty,
    language: Language,
    query: string,
  ): Promise<'started' | 'busy'> {
    const begin = async (): Promise<'started' | 'busy'> => {
      context.turnState.set(RUNBOOK_TURN, { party, language } satisfies RunbookTurn);
      const dc = await this.dialogs.createContext(context);
      if (dc.activeDialog) return 'busy';
      await dc.beginDialog(RUNBOOK_DIALOG_ID, { query });
      return 'started';
    };
    if (context.activity.type === 'invoke' || context.activity.type === 'message') return begin();
    const key = `${context.activity.conversation?.id}|${context.activity.from?.id}`;
    return this.turns.run(key, async () => {
      const begun = await begin();
      await this.deps.state.saveChanges(context, false);
      return begun;
    });
  }

  /** The help card depends only on the language. */
  private helpCardFor(language: Language): AdaptiveCardJson {
    let card = this.helpCards.get(language);
    if (!card) {
      card = helpCard({ t: this.deps.t, language });
      this.helpCards.set(language, card);
    }
    return card;
  }
}
