// Telling people: a request event fans out into one job per message or card update, so a throttled or
// failed send is retried on its own and nothing is sent twice. Undeliverable notes to the agent fall back
// to the approvals channel, and every outcome is audited.
import type { Logger } from 'pino';
import { z } from 'zod';
import type { AuditLog, JobQueue, RequestStore } from '../store/index.js';
import type { JobOutcome } from './jobRunner.js';
import { type Delivery, type Notifier, requestEvents } from './ports.js';

const deliverySchema = z.object({
  key: z.string(),
  action: z.enum(['post', 'update']),
  referenceKey: z.string(),
  activityId: z.string().optional(),
  content: z.enum(['approval-card', 'agent-note']),
});

const payloadSchema = z.object({
  requestId: z.string(),
  event: z.enum(requestEvents),
  delivery: deliverySchema.optional(),
  fallback: z.boolean().optional(),
});

export interface NotifyJobDeps {
  requests: RequestStore;
  jobs: JobQueue;
  audit: AuditLog;
  notifier: Notifier;
  logger: Logger;
  now: () => Date;
}

export async function runNotifyJob(deps: NotifyJobDeps, jobId: string, payload: object): Promise<JobOutcome> {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return { kind: 'failed', error: 'malformed notify payload' };
  const { requestId, event, delivery } = parsed.data;
  const request = await deps.requests.get(requestId);
  if (!request) return { kind: 'failed', error: `request ${requestId} not found` };

  if (!delivery) {
    for (const planned of await deps.notifier.plan(event, request)) {
      await deps.jobs.enqueue({
        id: `${jobId}:${planned.key}`,
        type: 'notify',
        payload: { requestId, event, delivery: planned },
      });
    }
    return { kind: 'done' };
  }

  const result = await deps.notifier.deliver(event, request, delivery);
  if (result.ok) {
    await audit(deps, requestId, 'notify.sent', {
      event,
      to: delivery.referenceKey,
      action: delivery.action,
    });
    return { kind: 'done' };
  }
  if (result.reason === 'throttled')
    return { kind: 'retry', error: 'throttled by Teams', delayMs: result.retryAfterMs };
  if (result.reason === 'transient') return { kind: 'retry', error: result.detail };
  await audit(deps, requestId, 'notify.failed', { event, to: delivery.referenceKey, detail: result.detail });
  if (delivery.content === 'agent-note' && !parsed.data.fallback) {
    const fallback = await deps.notifier.fallbackFor(request);
    if (fallback) {
      await deps.jobs.enqueue({
        id: `${jobId}:fallback`,
        type: 'notify',
        payload: { requestId, event, delivery: fallback, fallback: true },
      });
    }
  }
  return { kind: 'done' };
}

async function audit(
  deps: NotifyJobDeps,
  requestId: string,
  action: 'notify.sent' | 'notify.failed',
  detail: Record<string, string>,
): Promise<void> {
  await deps.audit.append({
    requestId,
    at: deps.now().toISOString(),
    actor: null,
    action,
    fromState: null,
    toState: null,
    conversationId: null,
    detail,
  });
}

export type { Delivery };
