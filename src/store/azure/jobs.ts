// The job queue on Azure Storage. A Table row per job id is the truth (status, attempts, owner, lease) and
// the idempotency record: enqueue is a conditional insert of that row, so a job id is queued once, ever,
// however many processes ask (this is also how one monitor job per period is elected across workers). A
// Queue Storage message per job is how workers hear of it without polling the table: its visibility delay
// schedules it (runAt), and the visibility timeout of a received message is the lease, so a crashed
// worker's job becomes visible again when its lease runs out. A job given up moves to the poison queue.
//
// The message is sent before the row is written (and, for a request's outbox, before the commit), so no
// job can exist without a message; a message without a row is repaired when it is received.

import type { TableClient, TableEntityResult } from '@azure/data-tables';
import type { DequeuedMessageItem, QueueClient } from '@azure/storage-queue';
import type { Job, JobQueue, JobStatus, JobType, NewJob } from '../ports.js';
import { bestEffort, isConflict, isLostMessage, isNotFound, isPreconditionFailed } from './errors.js';
import { documentOf, documentProperties, escapeKey, quote, sequenceKey } from './keys.js';
import type { AzureLogger } from './logger.js';
import { outboxRowKey } from './outbox.js';

/** How far the caller's clock may be from the storage service's and the queue still decides what is due. */
const CLOCK_TOLERANCE_MS = 5_000;
/** Queue Storage's longest visibility timeout: 7 days. */
const MAX_VISIBILITY_S = 7 * 24 * 3600;
/** How long a request commit's messages stay hidden while the commit is written (see outbox.ts). */
const OUTBOX_GRACE_S = 60;
/** A message whose commit never landed is dropped once this old (a commit in flight takes seconds). */
const ORPHAN_AFTER_MS = 10 * 60_000;
/** Messages one claim looks at before it reports that nothing is due. */
const MAX_RECEIVES = 8;

const ROW = 'job';

type JobRow = TableEntityResult<Record<string, unknown>>;

interface MessageBody {
  id: string;
  type: JobType;
  payload: object;
  runAt: string;
  /** The request partition whose outbox holds this job until the commit's dispatch (outbox.ts). */
  outbox?: string;
}

export interface MessageHandle {
  messageId: string;
  popReceipt: string;
}

const jobTypes: readonly JobType[] = ['unblock', 'notify', 'check-resumed'];

function parseMessage(text: string): MessageBody | null {
  try {
    const body = JSON.parse(text) as Partial<MessageBody>;
    if (typeof body.id !== 'string' || !jobTypes.includes(body.type as JobType)) return null;
    if (typeof body.payload !== 'object' || body.payload === null || typeof body.runAt !== 'string')
      return null;
    return body as MessageBody;
  } catch {
    return null;
  }
}

/** Queued and runAt reached, or running with a lease that has run out (a worker that stopped). */
function isDue(job: Job, now: Date): boolean {
  const at = now.toISOString();
  if (job.status === 'queued') return job.runAt <= at;
  return job.status === 'running' && (job.leaseUntil ?? '') < at;
}

/** Whole seconds from the service's now until `at`, within what Queue Storage allows. */
export function secondsUntil(at: Date | string, minimum = 0): number {
  const ms = (typeof at === 'string' ? Date.parse(at) : at.getTime()) - Date.now();
  return Math.min(MAX_VISIBILITY_S, Math.max(minimum, Math.ceil(ms / 1000)));
}

function toJob(row: JobRow): Job {
  const text = (key: string) => (typeof row[key] === 'string' ? (row[key] as string) : null);
  return {
    id: row.id as string,
    type: row.type as JobType,
    payload: documentOf(row, 'job payload'),
    status: row.status as JobStatus,
    runAt: row.runAt as string,
    attempts: row.attempts as number,
    lastError: text('lastError'),
    owner: text('owner'),
    leaseUntil: text('leaseUntil'),
  };
}

/** The row for a job in a given status; null fields are left out (a Replace removes them). */
function rowFor(job: Job, seq: unknown): Record<string, unknown> & { partitionKey: string; rowKey: string } {
  const open = job.status === 'queued' || job.status === 'running';
  const dueAt = job.status === 'running' ? job.leaseUntil : job.runAt;
  return {
    partitionKey: escapeKey(job.id),
    rowKey: ROW,
    id: job.id,
    type: job.type,
    status: job.status,
    runAt: job.runAt,
    attempts: job.attempts,
    ...(job.lastError === null ? {} : { lastError: job.lastError.slice(0, 2000) }),
    ...(job.owner === null ? {} : { owner: job.owner }),
    ...(job.leaseUntil === null ? {} : { leaseUntil: job.leaseUntil }),
    // The table sweep's filter: open jobs by when they are next due.
    open,
    ...(open && dueAt ? { dueAt } : {}),
    seq,
    ...documentProperties(job.payload),
  };
}

export interface AzureJobQueueOptions {
  jobs: TableClient;
  /** The requests table, whose partitions hold the outbox rows of request commits. */
  requests: TableClient;
  queue: QueueClient;
  poison: QueueClient;
  logger: AzureLogger;
  /**
   * How often a claim that found nothing in the queue also searches the table (for a message deleted by
   * hand, or any job the queue cannot show); a caller on its own clock searches it on every claim.
   */
  sweepIntervalMs: number;
  /** Seconds a commit's messages stay hidden before a worker checks whether the commit landed. */
  outboxGraceS?: number;
}

export class AzureJobQueue implements JobQueue {
  /** The message of each job this process holds a lease on, to delete or re-schedule it. */
  private readonly receipts = new Map<string, MessageHandle>();
  /** The row this process wrote when it leased a job: settling it needs no read while nobody changed it. */
  private readonly leases = new Map<string, { job: Job; etag: string; seq: unknown }>();
  private lastSweep = 0;
  private readonly graceS: number;

  constructor(private readonly options: AzureJobQueueOptions) {
    this.graceS = options.outboxGraceS ?? OUTBOX_GRACE_S;
  }

  async enqueue(job: NewJob): Promise<boolean> {
    const runAt = (job.runAt ?? new Date()).toISOString();
    const sent = await this.send(
      { id: job.id, type: job.type, payload: job.payload, runAt },
      secondsUntil(runAt),
    );
    if (await this.insertRow(job, runAt)) return true;
    await this.deleteMessage(sent);
    return false;
  }

  /** For a request commit: the job's message, hidden until the commit has had time to land (outbox.ts). */
  async sendForOutbox(job: NewJob, partitionKey: string): Promise<MessageHandle> {
    const runAt = (job.runAt ?? new Date()).toISOString();
    const body = { id: job.id, type: job.type, payload: job.payload, runAt, outbox: partitionKey };
    return this.send(body, secondsUntil(runAt, this.graceS));
  }

  /** After the commit: the job's row, and its message shown at runAt (or dropped for a known job id). */
  async dispatch(job: NewJob, message: MessageHandle): Promise<void> {
    const runAt = (job.runAt ?? new Date()).toISOString();
    if (!(await this.insertRow(job, runAt))) {
      await this.deleteMessage(message);
      return;
    }
    await bestEffort(
      () =>
        this.options.queue.updateMessage(
          message.messageId,
          message.popReceipt,
          undefined,
          secondsUntil(runAt),
        ),
      // Still hidden for the grace period, then shown: the job runs a little late.
      (error) => this.options.logger.warn({ err: error, jobId: job.id }, 'could not show a queued job early'),
    );
  }

  /** The commit did not happen: its messages must not run. */
  async discard(message: MessageHandle): Promise<void> {
    await this.deleteMessage(message);
  }

  async claim(owner: string, now: Date, leaseMs: number): Promise<Job | null> {
    if (!Number.isFinite(leaseMs) || leaseMs <= 0)
      throw new RangeError(`leaseMs must be > 0, got ${leaseMs}`);
    // Visibility timeouts run on the storage service's clock; a caller on another clock (a test's fixed
    // instant, a simulation) gets its answer from the table, which compares the times it gives.
    const onServiceClock = Math.abs(now.getTime() - Date.now()) <= CLOCK_TOLERANCE_MS;
    if (onServiceClock) {
      const job = await this.claimFromQueue(owner, now, leaseMs);
      if (job) return job;
      if (Date.now() - this.lastSweep < this.options.sweepIntervalMs) return null;
    }
    this.lastSweep = Date.now();
    return this.claimFromTable(owner, now, leaseMs);
  }

  async complete(id: string, owner: string): Promise<boolean> {
    return (
      null !==
      (await this.settle(
        id,
        owner,
        (job) => ({ ...job, status: 'done', leaseUntil: null }),
        async (message) => {
          if (message) await this.deleteMessage(message);
        },
      ))
    );
  }

  async retry(id: string, owner: string, runAt: Date, error: string): Promise<boolean> {
    const next = (job: Job): Job => ({
      ...job,
      status: 'queued',
      runAt: runAt.toISOString(),
      lastError: error,
      owner: null,
      leaseUntil: null,
    });
    const released = await this.settle(id, owner, next, async (message) => {
      if (!message) return;
      // The same message comes back at runAt; without it, the old one is re-hidden when next seen.
      await bestEffort(
        () =>
          this.options.queue.updateMessage(
            message.messageId,
            message.popReceipt,
            undefined,
            secondsUntil(runAt),
          ),
        (err) =>
          this.options.logger.warn({ err, jobId: id }, 'could not re-schedule the message of a retried job'),
      );
    });
    return released !== null;
  }

  async fail(id: string, owner: string, error: string): Promise<boolean> {
    const failed = await this.settle(
      id,
      owner,
      (job) => ({ ...job, status: 'failed', lastError: error, leaseUntil: null }),
      async (message) => {
        if (message) await this.deleteMessage(message);
      },
    );
    if (failed) await this.poison({ job: failed, error, failedAt: new Date().toISOString() });
    return failed !== null;
  }

  async get(id: string): Promise<Job | null> {
    const row = await this.readRow(id);
    return row ? toJob(row) : null;
  }

  /** A scan of the jobs table: for tests, benchmarks and tools, not for the request path. */
  async counts(): Promise<Record<JobStatus, number>> {
    const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    const rows = this.options.jobs.listEntities<{ status: JobStatus }>({
      queryOptions: { select: ['status'] },
    });
    for await (const row of rows) counts[row.status] += 1;
    return counts;
  }

  /** A scan of the open jobs: for tests and tools. */
  async nextRunAt(): Promise<string | null> {
    let next: string | null = null;
    const filter = `status eq ${quote('queued')}`;
    const rows = this.options.jobs.listEntities<{ runAt: string }>({
      queryOptions: { filter, select: ['runAt'] },
    });
    for await (const row of rows) if (next === null || row.runAt < next) next = row.runAt;
    return next;
  }

  private async claimFromQueue(owner: string, now: Date, leaseMs: number): Promise<Job | null> {
    const visibilityTimeout = Math.max(1, Math.ceil(leaseMs / 1000));
    const seen = new Set<string>();
    for (let i = 0; i < MAX_RECEIVES; i++) {
      const [message] = (await this.options.queue.receiveMessages({ numberOfMessages: 1, visibilityTimeout }))
        .receivedMessageItems;
      if (!message) return null;
      const again = seen.has(message.messageId);
      seen.add(message.messageId);
      const job = await this.consider(message, owner, now, leaseMs);
      if (job || again) return job;
    }
    return null;
  }

  /** Leases the job of a received message if it is due; otherwise puts the message where it belongs. */
  private async consider(
    message: DequeuedMessageItem,
    owner: string,
    now: Date,
    leaseMs: number,
  ): Promise<Job | null> {
    const handle = { messageId: message.messageId, popReceipt: message.popReceipt };
    const body = parseMessage(message.messageText);
    if (!body) {
      await this.poison({ unreadable: message.messageText.slice(0, 2000) });
      await this.deleteMessage(handle);
      return null;
    }
    const row = (await this.readRow(body.id)) ?? (await this.recover(body, message));
    if (!row) return null;
    const job = toJob(row);
    if (job.status === 'done' || job.status === 'failed') {
      // A second message for a job that has ended (an enqueue that lost the race and stopped before it
      // could delete its own).
      await this.deleteMessage(handle);
      return null;
    }
    if (!isDue(job, now)) {
      const dueAt = job.status === 'queued' ? job.runAt : (job.leaseUntil ?? job.runAt);
      await bestEffort(
        () =>
          this.options.queue.updateMessage(
            handle.messageId,
            handle.popReceipt,
            undefined,
            secondsUntil(dueAt, 1),
          ),
        (err) => this.options.logger.warn({ err, jobId: job.id }, 'could not re-hide a job that is not due'),
      );
      return null;
    }
    const leased = await this.lease(row, owner, now, leaseMs);
    // Lost to a claim through the table: the message stays hidden for a lease, then is looked at again.
    if (leased) this.receipts.set(leased.id, handle);
    return leased;
  }

  /** A message whose row is missing: the writer stopped between sending it and writing the row. */
  private async recover(body: MessageBody, message: DequeuedMessageItem): Promise<JobRow | null> {
    const job: NewJob = { id: body.id, type: body.type, payload: body.payload, runAt: new Date(body.runAt) };
    if (!body.outbox) {
      // enqueue() sends before it inserts: the job was meant to be queued.
      await this.insertRow(job, body.runAt);
      return this.readRow(body.id);
    }
    const rowKey = outboxRowKey(body.id);
    const pending = await this.options.requests.getEntity(body.outbox, rowKey).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw error;
    });
    if (pending) {
      // The commit landed and its dispatch did not finish: finish it.
      await this.insertRow(job, body.runAt);
      await bestEffort(
        () => this.options.requests.deleteEntity(body.outbox as string, rowKey),
        (err) =>
          this.options.logger.warn({ err, jobId: body.id }, 'could not delete a dispatched outbox row'),
      );
      this.options.logger.info({ jobId: body.id }, 'dispatched a job left in a request outbox');
      return this.readRow(body.id);
    }
    const row = await this.readRow(body.id);
    if (row) return row;
    const handle = { messageId: message.messageId, popReceipt: message.popReceipt };
    if (Date.now() - (message.insertedOn?.getTime() ?? 0) < ORPHAN_AFTER_MS) {
      // The commit may still be on its way: look again later.
      await bestEffort(
        () => this.options.queue.updateMessage(handle.messageId, handle.popReceipt, undefined, this.graceS),
        (err) => this.options.logger.warn({ err, jobId: body.id }, 'could not re-hide an outbox message'),
      );
      return null;
    }
    // The commit never landed (a conflict, or the writer stopped): the job was never meant to run.
    await this.deleteMessage(handle);
    return null;
  }

  /** Open jobs due by `now`, oldest runAt first, from the table: the queue is not asked. */
  private async claimFromTable(owner: string, now: Date, leaseMs: number): Promise<Job | null> {
    const filter = `open eq true and dueAt le ${quote(now.toISOString())}`;
    const due: JobRow[] = [];
    for await (const row of this.options.jobs.listEntities<Record<string, unknown>>({
      queryOptions: { filter },
    })) {
      due.push(row);
    }
    due.sort((a, b) =>
      a.runAt === b.runAt
        ? String(a.seq).localeCompare(String(b.seq))
        : String(a.runAt).localeCompare(String(b.runAt)),
    );
    for (const row of due) {
      if (!isDue(toJob(row), now)) continue;
      const leased = await this.lease(row, owner, now, leaseMs);
      if (leased) return leased;
    }
    return null;
  }

  /** Compare-and-set on the row's ETag: running, ours, attempts + 1. Null when someone else got there. */
  private async lease(row: JobRow, owner: string, now: Date, leaseMs: number): Promise<Job | null> {
    const job = toJob(row);
    const leased: Job = {
      ...job,
      status: 'running',
      owner,
      attempts: job.attempts + 1,
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
    };
    try {
      const written = await this.options.jobs.updateEntity(rowFor(leased, row.seq), 'Replace', {
        etag: row.etag,
      });
      if (written.etag) this.leases.set(leased.id, { job: leased, etag: written.etag, seq: row.seq });
      return leased;
    } catch (error) {
      if (isPreconditionFailed(error)) return null;
      throw error;
    }
  }

  /** Ends or releases a job `owner` holds; null when the lease is no longer theirs. */
  private async settle(
    id: string,
    owner: string,
    next: (job: Job) => Job,
    afterwards: (message: MessageHandle | undefined) => Promise<void>,
  ): Promise<Job | null> {
    // Our own lease, as we wrote it: its ETag still matches unless someone took the job over since.
    const held = this.leases.get(id);
    this.leases.delete(id);
    const current =
      held?.job.owner === owner
        ? held
        : await this.readRow(id).then((row) => row && { job: toJob(row), etag: row.etag, seq: row.seq });
    if (!current) return null;
    const { job } = current;
    if (job.status !== 'running' || job.owner !== owner) return null;
    const settled = next(job);
    try {
      await this.options.jobs.updateEntity(rowFor(settled, current.seq), 'Replace', { etag: current.etag });
    } catch (error) {
      if (isPreconditionFailed(error)) return null;
      throw error;
    }
    const message = this.receipts.get(id);
    this.receipts.delete(id);
    await afterwards(message);
    return settled;
  }

  /** The conditional insert that makes a job id an idempotency key; false when the id was ever queued. */
  private async insertRow(job: NewJob, runAt: string): Promise<boolean> {
    const queued: Job = {
      id: job.id,
      type: job.type,
      payload: job.payload,
      status: 'queued',
      runAt,
      attempts: 0,
      lastError: null,
      owner: null,
      leaseUntil: null,
    };
    try {
      await this.options.jobs.createEntity(rowFor(queued, sequenceKey()));
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  private async readRow(id: string): Promise<JobRow | null> {
    try {
      return await this.options.jobs.getEntity<Record<string, unknown>>(escapeKey(id), ROW);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  private async send(body: MessageBody, visibilityTimeout: number): Promise<MessageHandle> {
    // messageTimeToLive -1: a message never expires (the default is 7 days, and jobs may wait longer).
    const sent = await this.options.queue.sendMessage(JSON.stringify(body), {
      visibilityTimeout,
      messageTimeToLive: -1,
    });
    return { messageId: sent.messageId, popReceipt: sent.popReceipt };
  }

  private async deleteMessage(message: MessageHandle): Promise<void> {
    try {
      await this.options.queue.deleteMessage(message.messageId, message.popReceipt);
    } catch (error) {
      // Someone else holds it now: they will find its job ended and delete it.
      if (!isLostMessage(error)) throw error;
    }
  }

  /** Keeps a given-up job (or an unreadable message) on the poison queue for an operator to look at. */
  private async poison(record: object): Promise<void> {
    await bestEffort(
      () => this.options.poison.sendMessage(JSON.stringify(record), { messageTimeToLive: -1 }),
      (err) => this.options.logger.warn({ err }, 'could not write to the poison queue'),
    );
  }
}
