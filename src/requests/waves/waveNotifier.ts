// What the waves need from Teams, declared here and implemented in src/bot/: who sees a wave's incident card
// (the helpdesk), its batch approval (the approvers) and its summary, and delivering each one.
import type { UnblockRequest } from '../../runbook/index.js';
import type { DeliveryResult } from '../notifier.js';

export type WaveMessage = 'incident' | 'batch' | 'summary';

/** A wave as its cards show it: the record's facts and every member's request. */
export interface WaveView {
  id: string;
  startedAt: string;
  members: UnblockRequest[];
}

/** One message to post or one card to update, planned once and delivered (and retried) on its own. */
export interface WaveDelivery {
  key: string;
  action: 'post' | 'update';
  referenceKey: string;
  activityId?: string;
}

export interface WaveNotifier {
  plan(message: WaveMessage, wave: WaveView): Promise<WaveDelivery[]>;
  deliver(message: WaveMessage, wave: WaveView, delivery: WaveDelivery): Promise<DeliveryResult>;
}
