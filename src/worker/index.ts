// The worker: runs the request lifecycle's queued jobs (unblock, notify) and, once per period, its monitor
// job (resume check, approval timers, reconciler). Runs in the bot's process by default, or alone with
// `npm run worker`; several can share a store.
import type { Logger } from 'pino';
import { detectJob, monitorJob, type RequestJobs } from '../requests/index.js';
import type { JobQueue } from '../store/index.js';
import { JobRunner, type RetryBudget } from './jobRunner.js';

export type { RetryBudget } from './jobRunner.js';

export interface WorkerDeps {
  jobs: JobQueue;
  requestJobs: RequestJobs;
  logger: Logger;
  /** How often the monitor job runs (RESUME_POLL_INTERVAL_S). */
  monitorIntervalMs: number;
  /** How often detection runs (DETECTION_POLL_INTERVAL_S); null when DETECTION=off. */
  detectionIntervalMs?: number | null;
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
  /** Queues this period's monitor (and detection) job; at most one per period per store, however many workers ask. */
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

  const detection = detectionSchedule(deps.monitorIntervalMs, deps.detectionIntervalMs ?? null);
  const schedule = async () => {
    const at = now();
    const slot = Math.floor(at.getTime() / deps.monitorIntervalMs);
    const detectNow = detection.kind === 'with-monitor' && slot % detection.every === 0;
    if (await deps.jobs.enqueue(monitorJob(at, deps.monitorIntervalMs, detectNow))) runner.poke();
  };
  const scheduleDetection = async () => {
    if (detection.kind !== 'own' || !(await deps.jobs.enqueue(detectJob(now(), detection.periodMs)))) return;
    runner.poke();
  };
  const scheduleLogged = () =>
    schedule().catch((error: unknown) => logger.error({ err: error }, 'scheduling failed'));
  const scheduleDetectionLogged = () =>
    scheduleDetection().catch((error: unknown) => logger.error({ err: error }, 'scheduling failed'));
  let timer: NodeJS.Timeout | null = null;
  let detectionTimer: NodeJS.Timeout | null = null;

  return {
    runner,
    start() {
      runner.start();
      void scheduleLogged();
      timer = setInterval(scheduleLogged, deps.monitorIntervalMs);
      timer.unref();
      if (detection.kind === 'own') {
        void scheduleDetectionLogged();
        detectionTimer = setInterval(scheduleDetectionLogged, detection.periodMs);
        detectionTimer.unref();
      }
    },
    async stop() {
      if (timer) clearInterval(timer);
      if (detectionTimer) clearInterval(detectionTimer);
      await runner.stop();
    },
    async schedule() {
      await schedule();
      await scheduleDetection();
    },
    drain: () => runner.drain(),
  };
}

type DetectionSchedule =
  | { kind: 'off' }
  /** Every `every`-th monitor job also detects, on the same Restricted-list call. */
  | { kind: 'with-monitor'; every: number }
  /** Its own jobs, when its period is not a whole multiple of the monitor's. */
  | { kind: 'own'; periodMs: number };

function detectionSchedule(monitorMs: number, detectionMs: number | null): DetectionSchedule {
  if (detectionMs === null) return { kind: 'off' };
  const every = detectionMs / monitorMs;
  return Number.isInteger(every) && every >= 1
    ? { kind: 'with-monitor', every }
    : { kind: 'own', periodMs: detectionMs };
}
