// The worker: runs queued jobs (unblock, notify) and, on a schedule, the resume monitor and the approval
// timers. Runs in the bot's process by default, or alone with `npm run worker`; several can share a store.
import type { Logger } from 'pino';
import type { ApprovalTimeouts } from '../runbook/index.js';
import type { Store } from '../store/index.js';
import { MessageTraceBudget, type TenantGateway } from '../tenant/index.js';
import { runApprovalTimers } from './approvalTimers.js';
import { JobRunner } from './jobRunner.js';
import { runNotifyJob } from './notifyJob.js';
import type { Notifier } from './ports.js';
import { RequestLedger } from './requestLedger.js';
import { ResumeMonitor } from './resumeMonitor.js';
import { runUnblockJob } from './unblockJob.js';

export type { Delivery, DeliveryResult, Notifier, RequestEvent } from './ports.js';
export { type ChangeContext, type LedgerOutcome, RequestLedger } from './requestLedger.js';
export { unblockJobId } from './unblockJob.js';

export interface WorkerDeps {
  store: Store;
  tenant: TenantGateway;
  notifier: Notifier;
  logger: Logger;
  approvals: ApprovalTimeouts;
  resume: { pollIntervalMs: number; giveUpAfterMs: number; messageTraceCallsPer5Min?: number };
  pollIntervalMs: number;
  now?: () => Date;
  random?: () => number;
  leaseMs?: number;
}

export interface Worker {
  runner: JobRunner;
  monitor: ResumeMonitor;
  ledger: RequestLedger;
  start(): void;
  stop(): Promise<void>;
  /** Queues this period's monitor job (resume check + approval timers); at most one per period per store. */
  schedule(): Promise<void>;
  /** Runs every due job now (tests, and `npm run worker -- --once`). */
  drain(): Promise<number>;
}

export function createWorker(deps: WorkerDeps): Worker {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger.child({ component: 'worker' });
  const { store } = deps;
  const ledger = new RequestLedger(store.requests, store.audit, store.jobs, now);
  const monitor = new ResumeMonitor({
    requests: store.requests,
    ledger,
    tenant: deps.tenant,
    logger,
    now,
    giveUpAfterMs: deps.resume.giveUpAfterMs,
    traceBudget: new MessageTraceBudget({
      callsPer5Min: deps.resume.messageTraceCallsPer5Min,
      now: () => now().getTime(),
    }),
  });
  const runner = new JobRunner({
    jobs: store.jobs,
    logger,
    now,
    random: deps.random,
    leaseMs: deps.leaseMs,
    pollIntervalMs: deps.pollIntervalMs,
    handlers: {
      unblock: (job) =>
        runUnblockJob(
          { requests: store.requests, ledger, tenant: deps.tenant, logger, now },
          (job.payload as { requestId: string }).requestId,
        ),
      notify: (job) =>
        runNotifyJob(
          {
            requests: store.requests,
            jobs: store.jobs,
            audit: store.audit,
            notifier: deps.notifier,
            logger,
            now,
          },
          job.id,
          job.payload,
        ),
      'check-resumed': async () => {
        await monitor.cycle();
        await runApprovalTimers({ requests: store.requests, ledger, now }, deps.approvals);
        return { kind: 'done' };
      },
    },
  });

  const schedule = async () => {
    const slot = Math.floor(now().getTime() / deps.resume.pollIntervalMs);
    if (await store.jobs.enqueue({ id: `check-resumed:${slot}`, type: 'check-resumed', payload: {} }))
      runner.poke();
  };
  let timer: NodeJS.Timeout | null = null;

  return {
    runner,
    monitor,
    ledger,
    start() {
      runner.start();
      void schedule().catch((error: unknown) => logger.error({ err: error }, 'scheduling failed'));
      timer = setInterval(() => {
        schedule().catch((error: unknown) => logger.error({ err: error }, 'scheduling failed'));
      }, deps.resume.pollIntervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await runner.stop();
    },
    schedule,
    drain: () => runner.drain(),
  };
}
