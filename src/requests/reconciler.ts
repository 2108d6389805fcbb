// Nothing waits for ever: once per monitor cycle, one indexed query finds the requests whose state needs
// an unblock job (approved, unblocking) and checks each has one. A missing job is queued again (with an
// audit entry); a job that was given up fails its request visibly; a request in flight for too long is
// reported in the logs. Every use case already commits its jobs with its change, so in a healthy store
// this finds nothing: it repairs what older versions, a restored backup or a manual edit left behind.
import type { Logger } from 'pino';
import { type UnblockRequest, unblockAttemptOf } from '../runbook/index.js';
import type { JobQueue, RequestStore } from '../store/index.js';
import { unblockJob, unblockJobId } from './jobs.js';
import type { RequestLedger } from './ledger.js';

export interface ReconcilerDeps {
  requests: RequestStore;
  jobs: JobQueue;
  ledger: RequestLedger;
  logger: Logger;
  now: () => Date;
  /** An approved or unblocking request older than this is reported as stuck. */
  stuckAfterMs: number;
}

export interface ReconcileResult {
  inFlight: number;
  requeued: number;
  failed: number;
  stuck: string[];
}

/** Fails a request whose unblock job was given up (the retry budget is spent). */
export async function failForExhaustedRetries(
  ledger: RequestLedger,
  request: UnblockRequest,
  detail: { error: string; attempts: number },
): Promise<boolean> {
  const moved = await ledger.move(
    request,
    'failed',
    {
      actor: null,
      conversationId: null,
      detail: { failure: 'retries-exhausted', error: detail.error, attempts: detail.attempts },
    },
    { failure: 'retries-exhausted' },
  );
  return moved.ok;
}

export async function reconcile(deps: ReconcilerDeps): Promise<ReconcileResult> {
  const inFlight = await deps.requests.listInStates(['approved', 'unblocking'], 1000);
  const result: ReconcileResult = { inFlight: inFlight.length, requeued: 0, failed: 0, stuck: [] };
  const now = deps.now().getTime();
  for (const request of inFlight) {
    const attempt = unblockAttemptOf(request);
    const job = await deps.jobs.get(unblockJobId(request.id, attempt));
    if (!job) {
      const repaired = await deps.ledger.amend(
        request,
        {},
        {
          actor: null,
          conversationId: null,
          action: 'reconciler.repaired',
          detail: { missing: 'unblock-job', attempt },
          jobs: [unblockJob(request)],
        },
      );
      if (repaired.ok) result.requeued += 1;
    } else if (job.status === 'failed') {
      const error = job.lastError ?? 'the unblock job was given up';
      if (await failForExhaustedRetries(deps.ledger, request, { error, attempts: job.attempts }))
        result.failed += 1;
    } else if (now - Date.parse(request.updatedAt) > deps.stuckAfterMs) {
      result.stuck.push(request.id);
    }
  }
  if (result.requeued > 0 || result.failed > 0) deps.logger.warn(result, 'reconciler repaired requests');
  if (result.stuck.length > 0) {
    deps.logger.warn(
      { stuck: result.stuck.slice(0, 20), count: result.stuck.length },
      'requests waiting for their unblock longer than expected (Exchange throttling or an outage?)',
    );
  }
  return result;
}
