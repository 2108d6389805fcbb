// Runs jobs from the durable queue: claims one at a time with a lease, dispatches by type, and retries
// with exponential backoff and jitter (or the delay a throttled API asked for).
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Job, JobQueue, JobType } from '../store/index.js';

export type JobOutcome =
  | { kind: 'done' }
  /** Try again later: after `delayMs` when the API said so, else after the backoff for this attempt. */
  | { kind: 'retry'; error: string; delayMs?: number }
  | { kind: 'failed'; error: string };

export type JobHandler = (job: Job) => Promise<JobOutcome>;

export interface JobRunnerOptions {
  jobs: JobQueue;
  handlers: Record<JobType, JobHandler>;
  logger: Logger;
  now?: () => Date;
  random?: () => number;
  /** How long a claimed job is ours; a crashed worker's jobs are taken over after it. */
  leaseMs?: number;
  /** Idle wait between polls when nothing is due. */
  pollIntervalMs?: number;
  maxAttempts?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

export class JobRunner {
  readonly owner = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly now: () => Date;
  private readonly random: () => number;

  constructor(private readonly options: JobRunnerOptions) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
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
    const { jobs, maxAttempts = 12 } = this.options;
    if (outcome.kind === 'done') {
      await jobs.complete(job.id, this.owner);
      return;
    }
    if (outcome.kind === 'failed' || job.attempts >= maxAttempts) {
      log.warn({ error: outcome.error }, 'job given up');
      await jobs.fail(job.id, this.owner, outcome.error);
      return;
    }
    const delay = outcome.delayMs ?? this.backoff(job.attempts);
    log.info({ error: outcome.error, retryInMs: delay }, 'job will be retried');
    await jobs.retry(job.id, this.owner, new Date(this.now().getTime() + delay), outcome.error);
  }

  /** Exponential backoff with full jitter (AWS architecture blog), capped. */
  private backoff(attempt: number): number {
    const { baseBackoffMs = 1000, maxBackoffMs = 5 * 60_000 } = this.options;
    const ceiling = Math.min(maxBackoffMs, baseBackoffMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
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
