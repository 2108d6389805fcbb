// An approver's first contact: approval cards go to approvers the bot can reach, so requests submitted
// before any approver had chatted with it (or installed it) wait with "No approver can be reached yet".
// The first time an approver writes to the bot in a personal chat, or installs it there, they get the
// approval card of every request already waiting for them after the bot's answer. Each card is remembered
// like the notifier's, so it is updated when the request moves on.
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { type Language, resolveLanguage, type Translator } from '../../i18n/index.js';
import type { RequestLifecycle } from '../../requests/index.js';
import type { UnblockRequest } from '../../runbook/index.js';
import type { ConversationStore } from '../../store/index.js';
import type { SignCard } from '../cardSigning.js';
import { infoNotice } from '../cards/noticeCards.js';
import { userKey } from '../conversationKeys.js';
import { cardMessage } from '../messages.js';
import { approvalCard } from './approvalCards.js';
import type { ApproverDirectory } from './approverDirectory.js';

export interface WaitingForApproverDeps {
  lifecycle: Pick<RequestLifecycle, 'waitingFor'>;
  conversations: Pick<ConversationStore, 'getReference' | 'addSentCard'>;
  directory: Pick<ApproverDirectory, 'isApprover'>;
  t: Translator;
  logger: Logger;
  signCard: SignCard;
  giveUpAfterHours: number;
}

/** The oldest waiting requests shown at once; newer ones reach the approver with the next reminder. */
const MAX_CARDS = 10;
/** People already looked at in this process (newest kept). */
const MAX_SEEN = 10_000;

export class WaitingForApprover {
  private readonly seen = new Set<string>();

  constructor(private readonly deps: WaitingForApproverDeps) {}

  /** Runs the turn; on an approver's first contact, follows it with the requests waiting for them. */
  async around(context: TurnContext, turn: () => Promise<void>): Promise<void> {
    const person = await this.firstContact(context);
    await turn();
    if (person === null) return;
    try {
      // The bot kept a reference to them only if the turn was admitted (tenant, rate) and served.
      if ((await this.deps.conversations.getReference(userKey(person))) === null) return;
      await this.showWaiting(context, person);
    } catch (error) {
      // The turn itself was answered; the waiting requests reach them with the next reminder.
      this.deps.logger.warn({ err: error }, 'could not show the waiting requests to a new approver');
    }
  }

  /** The person's Entra id when this is their first message or install in a personal chat; else null. */
  private async firstContact(context: TurnContext): Promise<string | null> {
    const { activity } = context;
    const person = activity.from?.aadObjectId;
    if (!person || activity.conversation?.conversationType !== 'personal') return null;
    const botId = activity.recipient?.id;
    const speaks = activity.type === ActivityTypes.Message;
    const installs =
      activity.type === ActivityTypes.ConversationUpdate &&
      (activity.membersAdded ?? []).some((m) => m.id === botId);
    if (!(speaks || installs) || this.seen.has(person)) return null;
    this.remember(person);
    return (await this.deps.conversations.getReference(userKey(person))) === null ? person : null;
  }

  private async showWaiting(context: TurnContext, approver: string): Promise<void> {
    const waiting = await this.deps.lifecycle.waitingFor(approver);
    // The store first: the membership check is a Graph call, needed only when something waits.
    if (waiting.length === 0 || !(await this.deps.directory.isApprover(approver))) return;
    const language = resolveLanguage(context.activity.locale);
    const { t } = this.deps;
    await context.sendActivity(
      cardMessage(infoNotice({ t, language }, 'approval.waitingForYou', { count: waiting.length })),
    );
    for (const request of waiting.slice(0, MAX_CARDS)) await this.sendCard(context, request, language);
  }

  private async sendCard(context: TurnContext, request: UnblockRequest, language: Language): Promise<void> {
    const card = approvalCard(request, {
      t: this.deps.t,
      language,
      view: 'status',
      sign: this.deps.signCard,
      refreshUserIds: [context.activity.from.id],
      giveUpAfterHours: this.deps.giveUpAfterHours,
    });
    const sent = await context.sendActivity(cardMessage(card));
    if (!sent?.id) return;
    await this.deps.conversations.addSentCard({
      requestId: request.id,
      conversationId: context.activity.conversation.id,
      activityId: sent.id,
      kind: 'approval',
    });
  }

  private remember(person: string): void {
    this.seen.add(person);
    if (this.seen.size > MAX_SEEN) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
  }
}
