// Implements the waves' WaveNotifier for Teams: the incident card goes where the helpdesk hears of cases (the
// helpdesk channel, else its members 1:1), the batch approval where approvers get approval cards (the
// approvals channel, else each reachable approver 1:1), and the summary to the helpdesk. Every card sent is
// remembered (under the wave's id) so later refreshes update it in place instead of posting again.
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Language, Translator } from '../../i18n/index.js';
import type {
  DeliveryResult,
  WaveDelivery,
  WaveMessage,
  WaveNotifier,
  WaveView,
} from '../../requests/index.js';
import type { ConversationStore } from '../../store/index.js';
import type { ApproverDirectory } from '../approvals/approverDirectory.js';
import type { SignCard } from '../cardSigning.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { APPROVALS_CHANNEL_KEY, conversationKey, type StoredReference } from '../conversationKeys.js';
import { helpdeskDeliveries } from '../detection/helpdeskAudience.js';
import { cardMessage } from '../messages.js';
import type { Pacer } from '../proactive/pacer.js';
import { batchCard, incidentCard, summaryCard } from './waveCards.js';

export interface TeamsWaveNotifierDeps {
  adapter: CloudAdapter;
  appId: string;
  conversations: ConversationStore;
  directory: ApproverDirectory;
  pacer: Pacer;
  t: Translator;
  logger: Logger;
  signCard: SignCard;
  unblocksPerMinute: number;
}

/** Where a wave's cards of one kind are remembered (SentCard.requestId). */
export function waveCardsKey(waveId: string, message: WaveMessage): string {
  return `wave:${waveId}:${message}`;
}

export class TeamsWaveNotifier implements WaveNotifier {
  constructor(private readonly deps: TeamsWaveNotifierDeps) {}

  async plan(message: WaveMessage, wave: WaveView): Promise<WaveDelivery[]> {
    if (message !== 'summary') {
      const sent = await this.deps.conversations.listSentCards(waveCardsKey(wave.id, message));
      if (sent.length > 0) {
        return sent.map((card) => ({
          key: `card:${card.activityId}`,
          action: 'update',
          referenceKey: conversationKey(card.conversationId),
          activityId: card.activityId,
        }));
      }
    }
    if (message === 'batch') return this.approvers();
    const helpdesk = await helpdeskDeliveries(this.deps);
    return helpdesk.map((d) => ({ key: d.key, action: 'post', referenceKey: d.referenceKey }));
  }

  async deliver(message: WaveMessage, wave: WaveView, delivery: WaveDelivery): Promise<DeliveryResult> {
    const stored = (await this.deps.conversations.getReference(
      delivery.referenceKey,
    )) as StoredReference | null;
    const conversationId = stored?.reference?.conversation?.id;
    if (!stored || !conversationId) {
      return {
        ok: false,
        reason: 'unreachable',
        detail: `no conversation reference ${delivery.referenceKey}`,
      };
    }
    const card = await this.render(message, wave, stored.language);
    await this.deps.pacer.take(conversationId);
    let failure: unknown = null;
    try {
      await this.deps.adapter.continueConversationAsync(
        this.deps.appId,
        stored.reference,
        async (context: TurnContext) => {
          try {
            if (delivery.action === 'update' && delivery.activityId) {
              await context.updateActivity({
                ...cardMessage(card),
                id: delivery.activityId,
                type: 'message',
              });
              return;
            }
            const sent = await context.sendActivity(cardMessage(card));
            if (sent?.id && message !== 'summary') {
              await this.deps.conversations.addSentCard({
                requestId: waveCardsKey(wave.id, message),
                conversationId,
                activityId: sent.id,
                kind: `wave-${message}`,
              });
            }
          } catch (error) {
            failure = error;
          }
        },
      );
    } catch (error) {
      failure = error;
    }
    return failure ? this.classify(failure, delivery) : { ok: true };
  }

  private async approvers(): Promise<WaveDelivery[]> {
    if (await this.deps.conversations.getReference(APPROVALS_CHANNEL_KEY)) {
      return [{ key: 'approvals-channel', action: 'post', referenceKey: APPROVALS_CHANNEL_KEY }];
    }
    return (await this.deps.directory.reachableApprovers()).map((a) => ({
      key: `approver:${a.aadObjectId}`,
      action: 'post',
      referenceKey: a.referenceKey,
    }));
  }

  private async render(message: WaveMessage, wave: WaveView, language: Language): Promise<AdaptiveCardJson> {
    const ctx = { t: this.deps.t, language, sign: this.deps.signCard };
    if (message === 'incident') return incidentCard(wave, ctx);
    if (message === 'summary') return summaryCard(wave, ctx);
    const approvers = await this.deps.directory.reachableApprovers();
    return batchCard(wave, ctx, {
      view: 'status',
      refreshUserIds: approvers.map((a) => a.teamsUserId),
      unblocksPerMinute: this.deps.unblocksPerMinute,
    });
  }

  private classify(error: unknown, delivery: WaveDelivery): DeliveryResult {
    const status = (error as { statusCode?: number }).statusCode;
    const headers = (error as { response?: { headers?: { get?(name: string): string | undefined } } })
      .response?.headers;
    if (status === 429) {
      const retryAfter = Number(headers?.get?.('retry-after'));
      return {
        ok: false,
        reason: 'throttled',
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000,
      };
    }
    if (status === 403 || status === 404)
      return { ok: false, reason: 'unreachable', detail: `HTTP ${status}` };
    this.deps.logger.warn({ err: error, referenceKey: delivery.referenceKey }, 'wave card not sent');
    return { ok: false, reason: 'transient', detail: status ? `HTTP ${status}` : 'network error' };
  }
}
