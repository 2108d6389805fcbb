// The worker: runs the request lifecycle's queued jobs (unblock, notify) and, once per period, its monitor
// job (resume check, approval timers, reconciler). Runs in the bot's process by default, or alone with
// `npm run worker`; several can share a store.
import type { Logger } from 'pino';
import { monitorJob, type RequestJobs } from '../requests/index.js';
import type { JobQueue } from '../store/index.js';
import { JobRunner, type RetryBudget } from './jobRunner.js';

export type { RetryBudget } from './jobRunner.js';

export interface WorkerDeps {
  jobs: JobQueue;
  requestJobs: RequestJobs;
  logger: Logger;
  /** How often the monitor job runs (RESUME_POLL_INTERVAL_S). */
  monitorIntervalMs: number;
  pollIntervalMs: number;
  budget?: RetryBudget;
  now?: () => Date;
  random?: () => number;
  leaseMs?: number;
}

export interface Worker {
  runner: JobRunner;
  start(): void;
  stop(): Promise<void>;
  /** Queues this period's monitor job; at most one per period per store, however many workers ask. */
  schedule(): Promise<void>;
  /** Runs every due job now (tests, and `npm run worker -- --once`). */
  drain(): Promise<number>;
}

export function createWorker(deps: WorkerDeps): Worker {
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger.child({ component: 'worker' });
  const runner = new JobRunner({
    jobs: deps.jobs,
    handlers: deps.requestJobs.handlers,
    onGiveUp: deps.requestJobs.gaveUp,
    logger,
    now,
    random: deps.random,
    leaseMs: deps.leaseMs,
    pollIntervalMs: deps.pollIntervalMs,
    budget: deps.budget,
  });

  const schedule = async () => {
    if (await deps.jobs.enqueue(monitorJob(now(), deps.monitorIntervalMs))) runner.poke();
  };
  const scheduleLogged = () =>
    schedule().catch((error: unknown) => logger.error({ err: error }, 'scheduling failed'));
  let timer: NodeJS.Timeout | null = null;

  return {
    runner,
    start() {
      runner.start();
      void scheduleLogged();
      timer = setInterval(scheduleLogged, deps.monitorIntervalMs);
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
