// The lifecycle's background work, as the worker runs it: one handler per job type, and what happens when
// the worker gives a job up (its retry budget spent): an unblock that can no longer happen fails its
// request visibly (the agent and the approval card are told, and an approver can retry it).
import type { Logger } from 'pino';
import { type ApprovalTimeouts, type RestrictedSender, unblockAttemptOf } from '../runbook/index.js';
import type { Job, JobType, Store } from '../store/index.js';
import { MessageTraceBudget, type TenantGateway } from '../tenant/index.js';
import { runApprovalTimers } from './approvalTimers.js';
import { Detector } from './detection/detector.js';
import { type JobOutcome, monitorPayload, notifyPayload, unblockPayload } from './jobs.js';
import type { RequestLedger } from './ledger.js';
import type { RequestLifecycle } from './lifecycle.js';
import { deliverNotification } from './notifications.js';
import type { Notifier } from './notifier.js';
import { failForExhaustedRetries, reconcile } from './reconciler.js';
import { ResumeMonitor } from './resumeMonitor.js';
import { performUnblock } from './unblock.js';
import { createWaveJobs, type WaveJobs } from './waves/waveJobs.js';
import type { WaveNotifier } from './waves/waveNotifier.js';
import { WaveRecords } from './waves/waveRecords.js';

export interface RequestJobsDeps {
  store: Pick<Store, 'requests' | 'jobs' | 'state'>;
  ledger: RequestLedger;
  /** The waves' batch approval decides each member as an approver's click would. */
  lifecycle: RequestLifecycle;
  tenant: TenantGateway;
  notifier: Notifier;
  waveNotifier: WaveNotifier;
  logger: Logger;
  now: () => Date;
  approvals: ApprovalTimeouts;
  giveUpAfterMs: number;
  /** Graph message-trace calls this process may spend per 5 minutes (MESSAGE_TRACE_CALLS_PER_5_MIN). */
  messageTraceCallsPer5Min?: number;
  /** An approved or unblocking request older than this is reported as stuck. */
  stuckAfterMs: number;
  /**
   * Detection (DETECTION=on): the managed tenant (part of each detected request's id), the repeat-offender
   * window, and the phishing waves (WAVE_THRESHOLD, WAVE_UNBLOCKS_PER_MIN). Null when off.
   */
  detection: {
    tenantId: string;
    repeatWindowMs: number;
    waveThreshold: number;
    unblocksPerMinute: number;
  } | null;
}

export interface RequestJobs {
  handlers: Record<JobType, (job: Job) => Promise<JobOutcome>>;
  /** Called once when the worker stops retrying `job`. */
  gaveUp(job: Job, error: string): Promise<void>;
  monitor: ResumeMonitor;
  /** Null when DETECTION=off. */
  detector: Detector | null;
  /** Null when DETECTION=off. */
  waves: WaveJobs | null;
}

export function createRequestJobs(deps: RequestJobsDeps): RequestJobs {
  const { store, ledger, logger, now } = deps;
  const monitor = new ResumeMonitor({
    requests: store.requests,
    ledger,
    tenant: deps.tenant,
    logger,
    now,
    giveUpAfterMs: deps.giveUpAfterMs,
    traceBudget: new MessageTraceBudget({
      callsPer5Min: deps.messageTraceCallsPer5Min,
      now: () => now().getTime(),
    }),
  });
  const records = new WaveRecords(store.state);
  const waves = deps.detection
    ? createWaveJobs({
        requests: store.requests,
        jobs: store.jobs,
        ledger,
        lifecycle: deps.lifecycle,
        tenant: deps.tenant,
        waves: records,
        notifier: deps.waveNotifier,
        // Stryker disable next-line StringLiteral,ObjectLiteral: equivalent, only names the logs' component
        logger: logger.child({ component: 'waves' }),
        now,
        unblocksPerMinute: deps.detection.unblocksPerMinute,
      })
    : null;
  const detector = deps.detection
    ? new Detector({
        requests: store.requests,
        ledger,
        tenant: deps.tenant,
        // Stryker disable next-line StringLiteral,ObjectLiteral: equivalent, only names the logs' component
        logger: logger.child({ component: 'detection' }),
        now,
        tenantId: deps.detection.tenantId,
        repeatWindowMs: deps.detection.repeatWindowMs,
        waves: { records, jobs: store.jobs, threshold: deps.detection.waveThreshold },
      })
    : null;
  const handlers: RequestJobs['handlers'] = {
    unblock: async (job) => {
      const payload = unblockPayload.safeParse(job.payload);
      if (!payload.success) return { kind: 'failed', error: 'malformed unblock payload' };
      const unblockDeps = { requests: store.requests, ledger, tenant: deps.tenant, logger, now };
      return performUnblock(unblockDeps, payload.data.requestId, payload.data.attempt ?? 1);
    },
    notify: (job) =>
      deliverNotification(
        { requests: store.requests, jobs: store.jobs, ledger, notifier: deps.notifier, logger },
        job.id,
        job.payload,
      ),
    'check-resumed': async (job) => {
      // The timers and the reconciler run even when Exchange is down and the resume check throws.
      await runApprovalTimers({ requests: store.requests, ledger, now }, deps.approvals);
      await reconcile({
        requests: store.requests,
        jobs: store.jobs,
        ledger,
        logger,
        now,
        stuckAfterMs: deps.stuckAfterMs,
      });
      // One Get-BlockedSenderAddress call serves the resume check and detection alike.
      const list = sharedCall(() => deps.tenant.listRestrictedSenders());
      await monitor.cycle(list);
      if (monitorPayload.safeParse(job.payload).data?.detect) await detector?.cycle(list);
      await waves?.monitor();
      return { kind: 'done' };
    },
    wave: (job) => (waves ? waves.handle(job.id, job.payload) : Promise.resolve({ kind: 'done' })),
    detect: async () => {
      await detector?.cycle(() => deps.tenant.listRestrictedSenders());
      return { kind: 'done' };
    },
  };

  async function gaveUp(job: Job, error: string): Promise<void> {
    const requestId = requestIdOf(job);
    const request = requestId ? await store.requests.get(requestId) : null;
    if (!request) return;
    if (job.type === 'unblock') {
      const attempt = unblockPayload.safeParse(job.payload).data?.attempt ?? 1;
      const inFlight = request.state === 'approved' || request.state === 'unblocking';
      if (inFlight && unblockAttemptOf(request) === attempt) {
        await failForExhaustedRetries(ledger, request, { error, attempts: job.attempts });
        return;
      }
    }
    await ledger.note(request, 'job.gave-up', { job: job.id, error, attempts: job.attempts });
  }

  return { handlers, gaveUp, monitor, detector, waves };
}

/** Calls `load` at most once, however many readers ask (a failure is shared too). */
function sharedCall(load: () => Promise<RestrictedSender[]>): () => Promise<RestrictedSender[]> {
  let result: Promise<RestrictedSender[]> | null = null;
  return () => {
    result ??= load();
    return result;
  };
}

function requestIdOf(job: Job): string | null {
  if (job.type === 'unblock') return unblockPayload.safeParse(job.payload).data?.requestId ?? null;
  if (job.type === 'notify') return notifyPayload.safeParse(job.payload).data?.requestId ?? null;
  return null;
}
