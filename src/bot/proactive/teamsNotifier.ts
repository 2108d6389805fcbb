// Implements the worker's Notifier for Teams: plans who hears about a request event (approvers, the agent,
// every card already sent) and delivers each message or card update proactively from a stored
// conversation reference, paced under Teams' limits. In the approvals channel each request gets a post of
// its own (channelThreads.ts); its reminders and notes are replies in that post's thread.
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Language, Translator } from '../../i18n/index.js';
import type { Delivery, DeliveryResult, Notifier, RequestEvent } from '../../requests/index.js';
import { hasAgent, isRepeatOffender, type UnblockRequest } from '../../runbook/index.js';
import type { ConversationStore } from '../../store/index.js';
import { agentNoteCard, approvalCard } from '../approvals/approvalCards.js';
import type { ApproverDirectory } from '../approvals/approverDirectory.js';
import type { SignCard } from '../cardSigning.js';
import { noticeCard } from '../cards/noticeCards.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { userLabel } from '../cards/runbookCards.js';
import { APPROVALS_CHANNEL_KEY, conversationKey, type StoredReference } from '../conversationKeys.js';
import { HELPDESK_CARD_KIND, helpdeskDeliveries } from '../detection/helpdeskAudience.js';
import { helpdeskCard } from '../detection/helpdeskCard.js';
import { cardMessage } from '../messages.js';
import { channelOf, isThreadOf, type NewPost, startChannelPost } from './channelThreads.js';
import type { Pacer } from './pacer.js';
import { classifyDeliveryError, reachable, sendProactively } from './proactiveSend.js';

export interface TeamsNotifierDeps {
  adapter: CloudAdapter;
  appId: string;
  conversations: ConversationStore;
  directory: ApproverDirectory;
  pacer: Pacer;
  t: Translator;
  logger: Logger;
  allowSelfApproval: boolean;
  expireAfterHours: number;
  giveUpAfterHours: number;
  /** Signs the ids on approval card buttons (see cardSigning.ts). */
  signCard: SignCard;
  /** SECURITY_APPROVER_GROUP_ID is set: a repeat offender's card goes to its members too. */
  securityApprovers?: boolean;
  /** Local mode: "no approver can be reached yet" also says how to play the approver (localMode.ts). */
  localMode?: boolean;
}

const agentEvents: readonly RequestEvent[] = [
  'approved',
  'rejected',
  'unblocked',
  'resumed',
  'failed',
  'expired',
];

export class TeamsNotifier implements Notifier {
  constructor(private readonly deps: TeamsNotifierDeps) {}

  async plan(event: RequestEvent, request: UnblockRequest): Promise<Delivery[]> {
    if (event === 'submitted' || event === 'reminder') return this.planForApprovers(event, request);
    if (event === 'detected') return helpdeskDeliveries(this.deps);
    const deliveries: Delivery[] = (await this.deps.conversations.listSentCards(request.id)).map((card) => ({
      key: `card:${card.activityId}`,
      action: 'update',
      referenceKey: conversationKey(card.conversationId),
      activityId: card.activityId,
      content: card.kind === HELPDESK_CARD_KIND ? 'helpdesk-card' : 'approval-card',
    }));
    // A detected case nobody took has no agent to tell; the helpdesk card shows where it is.
    if (agentEvents.includes(event) && hasAgent(request)) deliveries.push(this.agentDelivery(request));
    return deliveries;
  }

  async fallbackFor(request: UnblockRequest): Promise<Delivery | null> {
    const channel = await this.deps.conversations.getReference(APPROVALS_CHANNEL_KEY);
    if (!channel) return null;
    const thread = await this.threadOf(request, channel as StoredReference);
    return {
      key: 'fallback',
      action: 'post',
      referenceKey: thread ?? APPROVALS_CHANNEL_KEY,
      content: 'agent-note',
    };
  }

  async deliver(event: RequestEvent, request: UnblockRequest, delivery: Delivery): Promise<DeliveryResult> {
    const to = await reachable(this.deps.conversations, delivery.referenceKey);
    if ('ok' in to) return to;
    const card = await this.render(event, request, delivery, to.stored.language);
    if (!card) return { ok: true };
    if (delivery.action === 'post' && delivery.referenceKey === APPROVALS_CHANNEL_KEY) {
      return this.postInChannel(request, delivery, card, to.stored);
    }
    return sendProactively(this.deps, to, delivery.referenceKey, (context) =>
      this.send(context, request, delivery, card, to.conversationId),
    );
  }

  private async send(
    context: TurnContext,
    request: UnblockRequest,
    delivery: Delivery,
    card: AdaptiveCardJson,
    conversationId: string,
  ): Promise<void> {
    if (delivery.action === 'update' && delivery.activityId) {
      await context.updateActivity({ ...cardMessage(card), id: delivery.activityId, type: 'message' });
      return;
    }
    const sent = await context.sendActivity(cardMessage(card));
    if (delivery.content !== 'agent-note' && sent?.id) {
      await this.deps.conversations.addSentCard({
        requestId: request.id,
        conversationId,
        activityId: sent.id,
        kind: delivery.content === 'helpdesk-card' ? HELPDESK_CARD_KIND : 'approval',
      });
    }
  }

  /** A new post in the approvals channel, remembered so that its updates and replies stay in its thread. */
  private async postInChannel(
    request: UnblockRequest,
    delivery: Delivery,
    card: AdaptiveCardJson,
    channel: StoredReference,
  ): Promise<DeliveryResult> {
    await this.deps.pacer.take(channelOf(channel.reference.conversation?.id ?? ''));
    let post: NewPost;
    try {
      post = await startChannelPost(this.deps.adapter, this.deps.appId, channel, cardMessage(card));
    } catch (error) {
      return classifyDeliveryError(error, delivery.referenceKey, this.deps.logger);
    }
    await this.deps.conversations.saveReference(conversationKey(post.conversationId), post.reference);
    if (delivery.content === 'approval-card') {
      await this.deps.conversations.addSentCard({
        requestId: request.id,
        conversationId: post.conversationId,
        activityId: post.activityId,
        kind: 'approval',
      });
    }
    return { ok: true };
  }

  /** The reference key of the request's thread in the approvals channel, when its card was posted there. */
  private async threadOf(request: UnblockRequest, channel: StoredReference): Promise<string | null> {
    const channelId = channelOf(channel.reference?.conversation?.id ?? '');
    const cards = await this.deps.conversations.listSentCards(request.id);
    const inChannel = cards.find((card) => isThreadOf(card.conversationId, channelId));
    return inChannel ? conversationKey(inChannel.conversationId) : null;
  }

  private async planForApprovers(event: RequestEvent, request: UnblockRequest): Promise<Delivery[]> {
    const channel = await this.deps.conversations.getReference(APPROVALS_CHANNEL_KEY);
    if (channel) {
      // The first card is a new post; a reminder replies in that post's thread.
      const thread = await this.threadOf(request, channel as StoredReference);
      return [
        {
          key: 'channel',
          action: 'post',
          referenceKey: thread ?? APPROVALS_CHANNEL_KEY,
          content: 'approval-card',
        },
      ];
    }
    const exclude = this.deps.allowSelfApproval ? undefined : request.requester.aadObjectId;
    const approvers = await this.deps.directory.reachableApprovers(exclude, isRepeatOffender(request));
    if (approvers.length === 0) return event === 'submitted' ? [this.agentDelivery(request)] : [];
    return approvers.map((a) => ({
      key: `approver:${a.aadObjectId}`,
      action: 'post',
      referenceKey: a.referenceKey,
      content: 'approval-card',
    }));
  }

  private agentDelivery(request: UnblockRequest): Delivery {
    return {
      key: 'agent',
      action: 'post',
      referenceKey: conversationKey(request.conversationId),
      content: 'agent-note',
    };
  }

  private async render(
    event: RequestEvent,
    request: UnblockRequest,
    delivery: Delivery,
    placeLanguage: Language,
  ): Promise<AdaptiveCardJson | null> {
    const { t } = this.deps;
    if (delivery.content === 'helpdesk-card') {
      return helpdeskCard(request, { t, language: placeLanguage, sign: this.deps.signCard });
    }
    if (delivery.content === 'approval-card') {
      const approvers = await this.deps.directory.reachableApprovers(undefined, isRepeatOffender(request));
      const card = approvalCard(request, {
        t,
        language: placeLanguage,
        view: 'status',
        securityApprovers: this.deps.securityApprovers,
        sign: this.deps.signCard,
        refreshUserIds: approvers.map((a) => a.teamsUserId),
        giveUpAfterHours: this.deps.giveUpAfterHours,
        notice:
          event === 'reminder'
            ? t.t(placeLanguage, 'approval.reminder', {
                date: t.formatDateTime(placeLanguage, request.submittedAt ?? request.createdAt),
              })
            : undefined,
      });
      return card;
    }
    // Notes to the agent speak the language pinned when their request started, even in a fallback place.
    const language = delivery.key === 'fallback' ? placeLanguage : (request.locale as Language);
    if (event === 'submitted') return this.noApproversNote(request, language);
    return agentNoteCard(event, request, {
      t,
      language,
      giveUpAfterHours: this.deps.giveUpAfterHours,
      expireAfterHours: this.deps.expireAfterHours,
      intro:
        delivery.key === 'fallback'
          ? t.t(language, 'agentNote.fallbackIntro', { requester: request.requester.name })
          : undefined,
    });
  }

  private noApproversNote(request: UnblockRequest, language: Language): AdaptiveCardJson {
    const { t } = this.deps;
    return noticeCard({
      style: 'warning',
      title: t.t(language, 'app.name'),
      paragraphs: [
        t.t(language, 'approval.noApprovers', { user: userLabel(request.target) }),
        ...(this.deps.localMode ? [t.t(language, 'localMode.approver')] : []),
      ],
    });
  }
}
