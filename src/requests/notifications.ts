// Telling people: a request event fans out into one job per message or card update, so a throttled or
// failed send is retried on its own and nothing is sent twice. Undeliverable notes to the agent fall back
// to the approvals channel, and every outcome is audited.
import type { Logger } from 'pino';
import type { JobQueue, RequestStore } from '../store/index.js';
import { deliveryJob, type JobOutcome, notifyPayload } from './jobs.js';
import type { RequestLedger } from './ledger.js';
import type { Notifier } from './notifier.js';

export interface NotificationDeps {
  requests: RequestStore;
  jobs: JobQueue;
  ledger: RequestLedger;
  notifier: Notifier;
  logger: Logger;
}

export async function deliverNotification(
  deps: NotificationDeps,
  jobId: string,
  payload: object,
): Promise<JobOutcome> {
  const parsed = notifyPayload.safeParse(payload);
  if (!parsed.success) return { kind: 'failed', error: 'malformed notify payload' };
  const { requestId, event, delivery } = parsed.data;
  const request = await deps.requests.get(requestId);
  if (!request) return { kind: 'failed', error: `request ${requestId} not found` };

  if (!delivery) {
    // Planning is idempotent: a re-run after a crash queues only the deliveries not queued yet.
    for (const planned of await deps.notifier.plan(event, request)) {
      await deps.jobs.enqueue(deliveryJob(jobId, requestId, event, planned));
    }
    return { kind: 'done' };
  }

  if (delivery.action === 'post') {
    // Teams takes no idempotency key for a post, so a process that dies after Teams accepted the message
    // but before this job is marked done sends it again when the job is retried. This entry marks the
    // attempt, so the audit log shows which (rare) repeats were such interrupted sends.
    await deps.ledger.note(request, 'notify.sending', {
      event,
      to: delivery.referenceKey,
      key: delivery.key,
    });
  }
  const result = await deps.notifier.deliver(event, request, delivery);
  if (result.ok) {
    await deps.ledger.note(request, 'notify.sent', {
      event,
      to: delivery.referenceKey,
      action: delivery.action,
    });
    return { kind: 'done' };
  }
  if (result.reason === 'throttled')
    return { kind: 'retry', error: 'throttled by Teams', delayMs: result.retryAfterMs };
  if (result.reason === 'transient') return { kind: 'retry', error: result.detail };
  await deps.ledger.note(request, 'notify.failed', {
    event,
    to: delivery.referenceKey,
    detail: result.detail,
  });
  if (delivery.content === 'agent-note' && !parsed.data.fallback) {
    const fallback = await deps.notifier.fallbackFor(request);
    if (fallback) await deps.jobs.enqueue(deliveryJob(jobId, requestId, event, fallback, true));
  }
  return { kind: 'done' };
}
