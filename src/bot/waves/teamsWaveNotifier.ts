// Implements the waves' WaveNotifier for Teams: the incident card goes where the helpdesk hears of cases (the
// helpdesk channel, else its members 1:1), the batch approval where approvers get approval cards (the
// approvals channel, else each reachable approver 1:1), and the summary to the helpdesk. Every card sent is
// remembered (under the wave's id) so later refreshes update it in place instead of posting again.
import type { CloudAdapter } from 'botbuilder';
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
import { APPROVALS_CHANNEL_KEY, conversationKey } from '../conversationKeys.js';
import { helpdeskDeliveries } from '../detection/helpdeskAudience.js';
import { cardMessage } from '../messages.js';
import type { Pacer } from '../proactive/pacer.js';
import { reachable, sendProactively } from '../proactive/proactiveSend.js';
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
    const to = await reachable(this.deps.conversations, delivery.referenceKey);
    if ('ok' in to) return to;
    const card = await this.render(message, wave, to.stored.language);
    return sendProactively(this.deps, to, delivery.referenceKey, async (context) => {
      if (delivery.action === 'update' && delivery.activityId) {
        await context.updateActivity({ ...cardMessage(card), id: delivery.activityId, type: 'message' });
        return;
      }
      const sent = await context.sendActivity(cardMessage(card));
      if (sent?.id && message !== 'summary') {
        await this.deps.conversations.addSentCard({
          requestId: waveCardsKey(wave.id, message),
          conversationId: to.conversationId,
          activityId: sent.id,
          kind: `wave-${message}`,
        });
      }
    });
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
}
