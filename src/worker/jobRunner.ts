// Runs jobs from the durable queue: claims one at a time with a lease, dispatches by type, and retries
// with exponential back-off and equal jitter (or the delay a throttled API asked for) up to the retry
// budget (JOB_MAX_ATTEMPTS, JOB_MAX_BACKOFF_S). A job given up is reported to its owner (onGiveUp) before
// it is marked failed, so its request never waits for a job that will not run again.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { JobOutcome } from '../requests/index.js';
import type { Job, JobQueue, JobType } from '../store/index.js';
import { backoffMs } from '../tenant/index.js';

export type JobHandler = (job: Job) => Promise<JobOutcome>;

export interface RetryBudget {
  /** Attempts before a job is given up (the first run counts). */
  maxAttempts: number;
  /** First back-off; doubles per attempt. */
  baseBackoffMs: number;
  /** Longest back-off between two attempts. */
  maxBackoffMs: number;
}

export const DEFAULT_RETRY_BUDGET: RetryBudget = {
  maxAttempts: 12,
  baseBackoffMs: 1000,
  maxBackoffMs: 300_000,
};

export interface JobRunnerOptions {
  jobs: JobQueue;
  handlers: Record<JobType, JobHandler>;
  /** Called once when a job is given up, before it is marked failed. */
  onGiveUp?: (job: Job, error: string) => Promise<void>;
  logger: Logger;
  now?: () => Date;
  random?: () => number;
  /** How long a claimed job is ours; a crashed worker's jobs are taken over after it. */
  leaseMs?: number;
  /** Idle wait between polls when nothing is due. */
  pollIntervalMs?: number;
  budget?: RetryBudget;
}

export class JobRunner {
  readonly owner = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly budget: RetryBudget;

  constructor(private readonly options: JobRunnerOptions) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.budget = options.budget ?? DEFAULT_RETRY_BUDGET;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the job in hand, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Runs due jobs until none is due; returns how many ran (for tests and one-shot use). */
  async drain(limit = 10_000): Promise<number> {
    let ran = 0;
    while (ran < limit && (await this.runOne())) ran += 1;
    return ran;
  }

  /** Claims and runs one due job; false when none was due. */
  async runOne(): Promise<boolean> {
    const { jobs, leaseMs = 60_000 } = this.options;
    const job = await jobs.claim(this.owner, this.now(), leaseMs);
    if (!job) return false;
    const log = this.options.logger.child({ jobId: job.id, attempt: job.attempts });
    if (job.attempts > this.budget.maxAttempts) {
      // Handed out more often than the budget without an outcome: each worker that ran it stopped before
      // it could settle it (its lease ran out). A poison job: running it again could stop the next one too.
      await this.giveUp(job, `handed out ${job.attempts} times without an outcome`, log);
      return true;
    }
    let outcome: JobOutcome;
    try {
      outcome = await this.options.handlers[job.type](job);
    } catch (error) {
      log.error({ err: error }, 'job failed unexpectedly');
      outcome = { kind: 'retry', error: error instanceof Error ? error.name : 'error' };
    }
    await this.settle(job, outcome, log);
    return true;
  }

  private async settle(job: Job, outcome: JobOutcome, log: Logger): Promise<void> {
    const { jobs } = this.options;
    if (outcome.kind === 'done') {
      await jobs.complete(job.id, this.owner);
      return;
    }
    if (outcome.kind === 'failed' || job.attempts >= this.budget.maxAttempts) {
      await this.giveUp(job, outcome.error, log);
      return;
    }
    const delay = outcome.delayMs ?? backoffMs(job.attempts, this.backoffOptions(), this.random);
    log.info({ error: outcome.error, retryInMs: delay }, 'job will be retried');
    await jobs.retry(job.id, this.owner, new Date(this.now().getTime() + delay), outcome.error);
  }

  /** Reports the job to its owner (its request fails visibly), then ends it as failed. */
  private async giveUp(job: Job, error: string, log: Logger): Promise<void> {
    log.warn({ error, attempts: job.attempts }, 'job given up');
    await this.options.onGiveUp?.(job, error);
    await this.options.jobs.fail(job.id, this.owner, error);
  }

  private backoffOptions() {
    return { baseDelayMs: this.budget.baseBackoffMs, maxDelayMs: this.budget.maxBackoffMs };
  }

  private async run(): Promise<void> {
    while (this.running) {
      let worked = false;
      try {
        worked = await this.runOne();
      } catch (error) {
        this.options.logger.error({ err: error }, 'job queue unavailable');
      }
      if (!worked && this.running) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.options.pollIntervalMs ?? 500);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Ends an idle wait early (a job was just queued in this process). */
  poke(): void {
    this.wake?.();
  }
}
