// The Teams activity handler: routes messages and card actions to the runbook dialog, answers every invoke
// with a card, and keeps each turn of one person in one conversation in order.
import {
  type Activity,
  type BotState,
  type InvokeResponse,
  TeamsActivityHandler,
  type TurnContext,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs/lib/dialogContext';
import { DialogContextError } from 'botbuilder-dialogs/lib/dialogContextError';
import { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
import type { Logger } from 'pino';
import { type Language, resolveLanguage, type Translator } from '../i18n/index.js';
import { parseAgentMessage, TenantError } from '../runbook/index.js';
import type { ConversationStore, RequestStore } from '../store/index.js';
import type { RequestLedger } from '../worker/index.js';
import type { TurnAdmission } from './admission.js';
import type { ApprovalHandler } from './approvals/approvalHandler.js';
import type { ApproverDirectory } from './approvals/approverDirectory.js';
import { approvalActionParts, type CardSigner, runbookActionParts } from './cardSigning.js';
import {
  errorNotice,
  helpCard,
  infoNotice,
  noticeCard,
  staleCardNotice,
  statusCard,
} from './cards/noticeCards.js';
import type { AdaptiveCardJson } from './cards/render.js';
import { APPROVALS_CHANNEL_KEY, conversationKey, type StoredReference, userKey } from './conversationKeys.js';
import { KeyedMutex } from './keyedMutex.js';
import { cardInvokeResponse, cardMessage, errorInvokeResponse } from './messages.js';
import { RUNBOOK_DIALOG_ID, RUNBOOK_TURN, RunbookDialog, type RunbookTurn } from './runbook/runbookDialog.js';
import type { RunbookFlow, TurnParty } from './runbook/runbookFlow.js';
import { conversationReferenceOf, partyOf } from './turnParty.js';
import {
  type ApprovalVerb,
  adaptiveCardInvokeValue,
  approvalCardData,
  isApprovalVerb,
  isRunbookVerb,
  runbookCardData,
} from './verbs.js';

export interface UnblockBotDeps {
  state: BotState;
  flow: RunbookFlow;
  approvals: ApprovalHandler;
  directory: ApproverDirectory;
  ledger: RequestLedger;
  t: Translator;
  conversations: ConversationStore;
  requests: RequestStore;
  logger: Logger;
  /** Used when an activity carries no tenant id (local clients). */
  defaultTenantId: string;
  /** Tenant boundary and per-person rate, checked before every turn. */
  admission: TurnAdmission;
  /** Checks the HMAC on every clicked button's ids. */
  cardSigner: CardSigner;
}

export class UnblockBot extends TeamsActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly turns = new KeyedMutex();
  private readonly savedReferences = new Map<string, string>();
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
        await this.rememberConversation(context);
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

  private async handleMessage(context: TurnContext): Promise<void> {
    await this.rememberConversation(context);
    const text = typedText(context);
    const language = this.languageOf(context);
    const setChannel = SET_APPROVALS_CHANNEL.exec(text);
    if (setChannel) {
      // The channel is shared, so its cards speak one configured language: English unless named.
      const channelLanguage = resolveLanguage(setChannel[1] ?? 'en');
      await this.withErrorCard(context, language, () =>
        this.setApprovalsChannel(context, language, channelLanguage),
      );
      return;
    }
    const intent = parseAgentMessage(text);
    if (intent.kind === 'help') {
      await context.sendActivity(cardMessage(this.helpCardFor(language)));
      return;
    }
    if (intent.kind === 'status') {
      await this.withErrorCard(context, language, () => this.showStatus(context, language));
      return;
    }
    const turn: RunbookTurn = { party: this.party(context), language };
    context.turnState.set(RUNBOOK_TURN, turn);
    await this.withErrorCard(context, language, async () => {
      const dc = await this.dialogs.createContext(context);
      if (intent.kind === 'cancel' || intent.kind === 'start-over') {
        if (dc.activeDialog) {
          turn.input = { kind: 'cancel' };
          await dc.continueDialog();
        } else if (intent.kind === 'cancel') {
          await context.sendActivity(
            cardMessage(errorNotice({ t: this.deps.t, language }, 'errors.noRunbook')),
          );
        }
        if (intent.kind === 'start-over') await dc.beginDialog(RUNBOOK_DIALOG_ID, { query: null });
        return;
      }
      if (dc.activeDialog) {
        turn.input = { kind: 'text', text };
        await dc.continueDialog();
        return;
      }
      if (!(await this.deps.directory.mayStartRequests(turn.party.actor.aadObjectId))) {
        await this.deps.ledger.noteWithoutRequest('access.refused', turn.party, { reason: 'not-helpdesk' });
        await context.sendActivity(
          cardMessage(errorNotice({ t: this.deps.t, language }, 'errors.notHelpdesk')),
        );
        return;
      }
      await dc.beginDialog(RUNBOOK_DIALOG_ID, { query: intent.query });
    });
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
    await this.rememberConversation(context);
    const { verb, data } = parsed.data.action;
    const language = this.languageOf(context);
    if (isApprovalVerb(verb)) return this.onApprovalAction(context, verb, data ?? {}, language);
    const cardData = runbookCardData.safeParse(data ?? {});
    const signed =
      cardData.success &&
      this.deps.cardSigner.verify(
        cardData.data.sig,
        ...runbookActionParts(cardData.data.runbookId, cardData.data.step, verb),
      );
    if (!isRunbookVerb(verb) || !cardData.success || !signed) {
      this.deps.logger.warn(
        { verb, conversationId: context.activity.conversation?.id },
        'unknown or malformed card action',
      );
      return cardInvokeResponse(errorNotice({ t: this.deps.t, language }, 'errors.unknownAction'));
    }
    const turn: RunbookTurn = {
      party: this.party(context),
      language,
      input: { kind: 'action', verb, data: cardData.data },
    };
    context.turnState.set(RUNBOOK_TURN, turn);
    const card = await this.withErrorCard(context, language, async () => {
      const dc = await this.dialogs.createContext(context);
      if (!dc.activeDialog) return staleCardNotice({ t: this.deps.t, language });
      await dc.continueDialog();
      return turn.invokeCard ?? staleCardNotice({ t: this.deps.t, language });
    });
    return cardInvokeResponse(card);
  }

  private async onApprovalAction(
    context: TurnContext,
    verb: ApprovalVerb,
    data: Record<string, unknown>,
    language: Language,
  ): Promise<InvokeResponse> {
    const parsed = approvalCardData.safeParse(data);
    if (
      !parsed.success ||
      !this.deps.cardSigner.verify(parsed.data.sig, ...approvalActionParts(parsed.data.requestId, verb))
    ) {
      this.deps.logger.warn(
        { verb, conversationId: context.activity.conversation?.id },
        'malformed or unsigned approval card action',
      );
      return cardInvokeResponse(errorNotice({ t: this.deps.t, language }, 'errors.unknownAction'));
    }
    const party = this.party(context);
    const card = await this.withErrorCard(context, language, () =>
      this.deps.approvals.handle({
        verb,
        requestId: parsed.data.requestId,
        comment: parsed.data.comment,
        clicker: party.actor,
        conversationId: party.conversationId,
        language,
      }),
    );
    return cardInvokeResponse(card);
  }

  /** "status": the agent's own five most recent requests. */
  private async showStatus(context: TurnContext, language: Language): Promise<AdaptiveCardJson> {
    const me = this.party(context).actor.aadObjectId;
    const mine = await this.deps.requests.listRecentByRequester(me, 5);
    const card = statusCard({ t: this.deps.t, language }, mine);
    await context.sendActivity(cardMessage(card));
    return card;
  }

  /** "set approvals channel", typed by an approver in a channel: approval cards go there from now on. */
  private async setApprovalsChannel(
    context: TurnContext,
    language: Language,
    channelLanguage: Language,
  ): Promise<AdaptiveCardJson> {
    const notice = (key: 'approval.channelSet' | 'approval.channelSetRefused' | 'approval.channelOnly') =>
      infoNotice({ t: this.deps.t, language }, key);
    let card: AdaptiveCardJson;
    const party = this.party(context);
    if (context.activity.conversation.conversationType !== 'channel') card = notice('approval.channelOnly');
    else if (!(await this.deps.directory.isApprover(party.actor.aadObjectId))) {
      card = notice('approval.channelSetRefused');
      await this.deps.ledger.noteWithoutRequest('access.refused', party, {
        command: 'set approvals channel',
      });
    } else {
      const stored = storedReferenceOf(context.activity, channelLanguage);
      await this.deps.conversations.saveReference(APPROVALS_CHANNEL_KEY, stored);
      await this.deps.ledger.noteWithoutRequest('approvals-channel.set', party, {
        language: channelLanguage,
      });
      const t = this.deps.t;
      card = noticeCard({
        style: 'good',
        title: t.t(channelLanguage, 'app.name'),
        paragraphs: [
          t.t(channelLanguage, 'approval.channelSet'),
          t.t(channelLanguage, 'approval.channelLanguage'),
        ],
      });
    }
    await context.sendActivity(cardMessage(card));
    return card;
  }

  /**
   * Runs a step; on failure logs once and answers with an error card in the person's language that says
   * what to do next. The exception's own text never reaches the chat.
   */
  private async withErrorCard(
    context: TurnContext,
    language: Language,
    step: () => Promise<AdaptiveCardJson | undefined | undefined>,
  ): Promise<AdaptiveCardJson> {
    try {
      const card = await step();
      return card ?? errorNotice({ t: this.deps.t, language }, 'errors.unexpected');
    } catch (thrown) {
      // botbuilder-dialogs wraps what a dialog throws, with the whole dialog stack: keep only the cause.
      const error = thrown instanceof DialogContextError ? thrown.error : thrown;
      const key =
        error instanceof TenantError
          ? error.code === 'Forbidden' || error.code === 'Unauthorized'
            ? 'errors.tenantForbidden'
            : error.code === 'NotFound'
              ? 'errors.userGone'
              : 'errors.tenantUnavailable'
          : 'errors.unexpected';
      this.deps.logger.error(
        {
          err: error,
          conversationId: context.activity.conversation?.id,
          activityType: context.activity.type,
        },
        'turn failed',
      );
      if (context.activity.type !== 'invoke') {
        const card = errorNotice({ t: this.deps.t, language }, key);
        await context.sendActivity(cardMessage(card));
        return card;
      }
      // The error replaces the clicked card: offer the same click again so the step is not lost.
      const clicked = adaptiveCardInvokeValue.safeParse(context.activity.value);
      const retry = clicked.success
        ? [
            {
              title: this.deps.t.t(language, 'common.tryAgain'),
              verb: clicked.data.action.verb,
              data: clicked.data.action.data ?? {},
              style: 'positive' as const,
            },
          ]
        : undefined;
      return errorNotice({ t: this.deps.t, language }, key, retry);
    }
  }

  /** Keeps where and in which language to reach this person and this conversation proactively. */
  private async rememberConversation(context: TurnContext): Promise<void> {
    const { activity } = context;
    const stored = storedReferenceOf(activity, this.languageOf(context));
    await this.saveReferenceIfChanged(conversationKey(activity.conversation.id), stored);
    if (activity.conversation.conversationType === 'personal' && activity.from.aadObjectId) {
      await this.saveReferenceIfChanged(userKey(activity.from.aadObjectId), stored);
    }
  }

  /** Every turn carries the reference; writing it only when it changed saves two writes per turn. */
  private async saveReferenceIfChanged(key: string, stored: StoredReference): Promise<void> {
    const json = JSON.stringify(stored);
    if (this.savedReferences.get(key) === json) return;
    await this.deps.conversations.saveReference(key, stored);
    this.savedReferences.delete(key);
    this.savedReferences.set(key, json);
    if (this.savedReferences.size > MAX_REMEMBERED_REFERENCES) {
      const oldest = this.savedReferences.keys().next().value;
      if (oldest !== undefined) this.savedReferences.delete(oldest);
    }
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

/**
 * Where to reach this conversation later, without the incoming activity's id: proactive posts start new
 * messages instead of replying to whatever was said last (in a channel that would bury approval cards in
 * the thread of an old command).
 */
function storedReferenceOf(activity: Activity, language: Language): StoredReference {
  const { activityId: _latest, ...reference } = conversationReferenceOf(activity);
  return { reference, language };
}

/** References remembered as written, per process (newest kept). */
const MAX_REMEMBERED_REFERENCES = 10_000;

const SET_APPROVALS_CHANNEL = /^set approvals? channel(?:\s+(en|da|sv|sl|nl))?$/i;

/** The text a person typed, without the bot's @mention (channels) and surrounding whitespace. */
function typedText(context: TurnContext): string {
  const raw = typeof context.activity.text === 'string' ? context.activity.text : '';
  return raw
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
