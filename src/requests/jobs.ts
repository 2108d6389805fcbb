// The jobs the lifecycle implies, typed: their ids (the idempotency keys: one job per id, ever), their
// payloads, and the outcome a handler reports. Nothing else builds a job id or payload by hand.
import { z } from 'zod';
import { type UnblockRequest, unblockAttemptOf } from '../runbook/index.js';
import type { NewJob } from '../store/index.js';
import { type RequestEvent, requestEvents } from './events.js';
import type { Delivery } from './notifier.js';

export type JobOutcome =
  | { kind: 'done' }
  /** Try again later: after `delayMs` when the API said so, else after the backoff for this attempt. */
  | { kind: 'retry'; error: string; delayMs?: number }
  | { kind: 'failed'; error: string };

/** The unblock of one attempt of one request: attempt 1 keeps the id it always had. */
export function unblockJobId(requestId: string, attempt = 1): string {
  return attempt <= 1 ? `unblock:${requestId}` : `unblock:${requestId}:${attempt}`;
}

export const unblockPayload = z.object({
  requestId: z.string(),
  /** Absent in jobs queued before retries existed: attempt 1. */
  attempt: z.number().int().positive().optional(),
});

/** The unblock job for the request's current attempt. */
export function unblockJob(request: UnblockRequest): NewJob {
  const attempt = unblockAttemptOf(request);
  return {
    id: unblockJobId(request.id, attempt),
    type: 'unblock',
    payload: { requestId: request.id, attempt },
  };
}

const deliverySchema = z.object({
  key: z.string(),
  action: z.enum(['post', 'update']),
  referenceKey: z.string(),
  activityId: z.string().optional(),
  content: z.enum(['approval-card', 'agent-note']),
});

export const notifyPayload = z.object({
  requestId: z.string(),
  event: z.enum(requestEvents),
  delivery: deliverySchema.optional(),
  fallback: z.boolean().optional(),
});

/** Telling people about an event: planned into one delivery job per message when it runs. */
export function notifyJob(request: UnblockRequest, event: RequestEvent): NewJob {
  return {
    id: `notify:${request.id}:${event}:${request.version}`,
    type: 'notify',
    payload: { requestId: request.id, event },
  };
}

/** One planned delivery of a notify job; `fallback` marks the second try somewhere else. */
export function deliveryJob(
  parentId: string,
  requestId: string,
  event: RequestEvent,
  delivery: Delivery,
  fallback = false,
): NewJob {
  return {
    id: fallback ? `${parentId}:fallback` : `${parentId}:${delivery.key}`,
    type: 'notify',
    payload: fallback ? { requestId, event, delivery, fallback } : { requestId, event, delivery },
  };
}

/** The periodic job (resume check, approval timers, reconciler): one per period per store, whoever queues it. */
export function monitorJob(now: Date, periodMs: number): NewJob {
  const slot = Math.floor(now.getTime() / periodMs);
  return { id: `check-resumed:${slot}`, type: 'check-resumed', payload: {} };
}
