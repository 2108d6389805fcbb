// The durable job queue in SQLite, shared by the bot and worker processes on one file. A claim is one
// UPDATE … RETURNING: a write statement takes SQLite's write lock before it reads, so two processes can
// never pick the same row. Every later change names the owner, so a worker whose lease ran out and was
// taken over cannot overwrite the new owner's outcome.
import type Database from 'better-sqlite3';
import type { Job, JobQueue, JobStatus, JobType, NewJob } from '../ports.js';
import { parseStoredObject } from './json.js';

interface Row {
  id: string;
  type: string;
  payload: string;
  status: string;
  run_at: string;
  attempts: number;
  last_error: string | null;
  owner: string | null;
  lease_until: string | null;
}

const columns = 'id, type, payload, status, run_at, attempts, last_error, owner, lease_until';

function toJob(row: Row): Job {
  return {
    id: row.id,
    // The CHECK constraint and enqueue() are the only writers of these two columns.
    type: row.type as JobType,
    payload: parseStoredObject(row.payload, 'job payload'),
    status: row.status as JobStatus,
    runAt: row.run_at,
    attempts: row.attempts,
    lastError: row.last_error,
    owner: row.owner,
    leaseUntil: row.lease_until,
  };
}

function checkLease(leaseMs: number): void {
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new RangeError(`leaseMs must be > 0, got ${leaseMs}`);
}

export class SqliteJobQueue implements JobQueue {
  private readonly insert: Database.Statement;
  private readonly claimNext: Database.Statement;
  private readonly markDone: Database.Statement;
  private readonly release: Database.Statement;
  private readonly markFailed: Database.Statement;
  private readonly selectById: Database.Statement;
  private readonly countByStatus: Database.Statement;
  private readonly selectNextRunAt: Database.Statement;

  constructor(db: Database.Database) {
    // DO NOTHING also for a job that has ended: the id is the idempotency key for as long as the row exists.
    this.insert = db.prepare(
      `INSERT INTO jobs (id, type, payload, status, run_at)
       VALUES (@id, @type, @payload, 'queued', @runAt)
       ON CONFLICT (id) DO NOTHING`,
    );
    // Oldest due first; rowid breaks ties in the order of enqueueing. A running job whose lease has run out
    // belongs to a worker that crashed or hung, and is due again.
    this.claimNext = db.prepare(
      `UPDATE jobs
       SET status = 'running', owner = @owner, lease_until = @leaseUntil, attempts = attempts + 1
       WHERE id = (
         SELECT id FROM jobs
         WHERE (status = 'queued' AND run_at <= @now) OR (status = 'running' AND lease_until < @now)
         ORDER BY run_at, rowid
         LIMIT 1
       )
       RETURNING ${columns}`,
    );
    const heldBy = "id = @id AND owner = @owner AND status = 'running'";
    this.markDone = db.prepare(`UPDATE jobs SET status = 'done', lease_until = NULL WHERE ${heldBy}`);
    this.release = db.prepare(
      `UPDATE jobs
       SET status = 'queued', run_at = @runAt, last_error = @error, owner = NULL, lease_until = NULL
       WHERE ${heldBy}`,
    );
    this.markFailed = db.prepare(
      `UPDATE jobs SET status = 'failed', last_error = @error, lease_until = NULL WHERE ${heldBy}`,
    );
    this.selectById = db.prepare(`SELECT ${columns} FROM jobs WHERE id = ?`);
    this.countByStatus = db.prepare('SELECT status, count(*) AS count FROM jobs GROUP BY status');
    this.selectNextRunAt = db.prepare("SELECT min(run_at) AS runAt FROM jobs WHERE status = 'queued'");
  }

  async enqueue(job: NewJob): Promise<boolean> {
    return this.enqueueNow(job);
  }

  /** Synchronous, for use inside another write's transaction (SqliteRequestStore.commit). */
  enqueueNow(job: NewJob): boolean {
    const runAt = (job.runAt ?? new Date()).toISOString();
    const { changes } = this.insert.run({
      id: job.id,
      type: job.type,
      payload: JSON.stringify(job.payload),
      runAt,
    });
    return changes === 1;
  }

  async claim(owner: string, now: Date, leaseMs: number): Promise<Job | null> {
    checkLease(leaseMs);
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const row = this.claimNext.get({ owner, now: now.toISOString(), leaseUntil }) as Row | undefined;
    return row ? toJob(row) : null;
  }

  async complete(id: string, owner: string): Promise<boolean> {
    return this.markDone.run({ id, owner }).changes === 1;
  }

  async retry(id: string, owner: string, runAt: Date, error: string): Promise<boolean> {
    return this.release.run({ id, owner, runAt: runAt.toISOString(), error }).changes === 1;
  }

  async fail(id: string, owner: string, error: string): Promise<boolean> {
    return this.markFailed.run({ id, owner, error }).changes === 1;
  }

  async get(id: string): Promise<Job | null> {
    const row = this.selectById.get(id) as Row | undefined;
    return row ? toJob(row) : null;
  }

  async counts(): Promise<Record<JobStatus, number>> {
    const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const { status, count } of this.countByStatus.all() as { status: JobStatus; count: number }[]) {
      counts[status] = count;
    }
    return counts;
  }

  async nextRunAt(): Promise<string | null> {
    const row = this.selectNextRunAt.get() as { runAt: string | null };
    return row.runAt;
  }
}
