// What the lifecycle needs from Teams, declared here and implemented in src/bot/ (the only folder that knows
// botbuilder): who to tell about a request event, and telling them.
import type { UnblockRequest } from '../runbook/index.js';
import type { RequestEvent } from './events.js';

/** One message to send or one card to update; planned once, delivered (and retried) on its own. */
export interface Delivery {
  /** Stable within the event, e.g. "agent" or "card:<activityId>": part of the job's idempotency key. */
  key: string;
  action: 'post' | 'update';
  /** The stored conversation reference to use (e.g. "conversation:<id>", "approvals-channel"). */
  referenceKey: string;
  /** For updates: the activity to replace. */
  activityId?: string;
  /** What to show: the approval card (status for everyone, buttons via refresh), or a note to the agent. */
  content: 'approval-card' | 'agent-note';
}

export type DeliveryResult =
  | { ok: true }
  | { ok: false; reason: 'throttled'; retryAfterMs: number }
  /** 403/404: the bot was removed, the user blocked it, or the conversation is gone. Retrying won't help. */
  | { ok: false; reason: 'unreachable'; detail: string }
  | { ok: false; reason: 'transient'; detail: string };

export interface Notifier {
  plan(event: RequestEvent, request: UnblockRequest): Promise<Delivery[]>;
  deliver(event: RequestEvent, request: UnblockRequest, delivery: Delivery): Promise<DeliveryResult>;
  /** Where to tell the agent when their own conversation cannot be reached; null when nowhere. */
  fallbackFor(request: UnblockRequest): Promise<Delivery | null>;
}
