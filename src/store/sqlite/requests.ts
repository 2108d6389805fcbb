// Unblock requests in SQLite: one row per request, the whole UnblockRequest as JSON plus the columns the
// lists filter and sort on. Every change is a compare-and-set on `version` done by SQLite itself, so it
// holds across processes sharing the file.
import type Database from 'better-sqlite3';
import { activeStates, type RequestState, type UnblockRequest } from '../../runbook/index.js';
import type { CommitOutcome, RequestChange, RequestStore, UpdateOutcome } from '../ports.js';
import type { SqliteAuditLog } from './audit.js';
import type { SqliteJobQueue } from './jobs.js';
import { parseStoredObject } from './json.js';
import { sqlLimit } from './limit.js';

interface Row {
  doc: string;
}

function toColumns(request: UnblockRequest) {
  return {
    id: request.id,
    version: request.version,
    state: request.state,
    targetUserId: request.target.id,
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    doc: JSON.stringify(request),
  };
}

function toRequest(row: Row): UnblockRequest {
  return parseStoredObject(row.doc, 'request') as UnblockRequest;
}

function checkNextVersion(next: UnblockRequest, expectedVersion: number): void {
  if (next.version !== expectedVersion + 1) {
    throw new Error(
      `update(${next.id}): next.version must be expectedVersion + 1 (${expectedVersion + 1}), got ${next.version}`,
    );
  }
}

export class SqliteRequestStore implements RequestStore {
  private readonly insert: Database.Statement;
  private readonly selectById: Database.Statement;
  private readonly compareAndSet: Database.Statement;
  private readonly selectByState: Database.Statement;
  private readonly selectActiveForTarget: Database.Statement;
  private readonly selectRecent: Database.Statement;
  private readonly selectForTarget: Database.Statement;
  private readonly selectByRequester: Database.Statement;
  private readonly selectInStates: Database.Statement;
  private readonly updateInTransaction: (next: UnblockRequest, expectedVersion: number) => UpdateOutcome;
  private readonly commitInTransaction: (change: RequestChange) => CommitOutcome;

  constructor(
    db: Database.Database,
    private readonly sideEffects: { audit: SqliteAuditLog; jobs: SqliteJobQueue },
  ) {
    // ON CONFLICT DO NOTHING: an existing id is an expected outcome (someone else claimed it), not an
    // exception; any other constraint failure still throws.
    this.insert = db.prepare(
      `INSERT INTO requests (id, version, state, target_user_id, created_at, updated_at, doc)
       VALUES (@id, @version, @state, @targetUserId, @createdAt, @updatedAt, @doc)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.selectById = db.prepare('SELECT doc FROM requests WHERE id = ?');
    this.compareAndSet = db.prepare(
      `UPDATE requests
       SET version = @version, state = @state, target_user_id = @targetUserId, created_at = @createdAt,
           updated_at = @updatedAt, doc = @doc
       WHERE id = @id AND version = @expectedVersion`,
    );
    this.selectByState = db.prepare(
      'SELECT doc FROM requests WHERE state = ? ORDER BY created_at, id LIMIT ?',
    );
    const placeholders = activeStates.map(() => '?').join(', ');
    this.selectActiveForTarget = db.prepare(
      `SELECT doc FROM requests WHERE target_user_id = ? AND state IN (${placeholders}) ORDER BY created_at, id`,
    );
    this.selectRecent = db.prepare('SELECT doc FROM requests ORDER BY created_at DESC, id DESC LIMIT ?');
    // The expression must match the index in migration 3 exactly for SQLite to use it.
    this.selectByRequester = db.prepare(
      `SELECT doc FROM requests WHERE json_extract(doc, '$.requester.aadObjectId') = ?
       ORDER BY created_at DESC, id DESC LIMIT ?`,
    );
    this.selectForTarget = db.prepare(
      'SELECT doc FROM requests WHERE target_user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
    );
    this.selectInStates = db.prepare(
      `SELECT doc FROM requests WHERE state IN (SELECT value FROM json_each(?)) ORDER BY created_at, id LIMIT ?`,
    );
    // The read after a failed UPDATE is in the same transaction, so it sees the row that beat us.
    const casNow = (next: UnblockRequest, expectedVersion: number): UpdateOutcome => {
      const { changes } = this.compareAndSet.run({ ...toColumns(next), expectedVersion });
      if (changes === 1) return { ok: true, request: next };
      const row = this.selectById.get(next.id) as Row | undefined;
      if (!row) return { ok: false, reason: 'not-found' };
      return { ok: false, reason: 'conflict', current: toRequest(row) };
    };
    this.updateInTransaction = db.transaction(casNow);
    // One transaction for the request, its audit entries and its jobs: a crash leaves all or nothing.
    this.commitInTransaction = db.transaction((change: RequestChange): CommitOutcome => {
      if (change.expectedVersion === null) {
        if (this.insert.run(toColumns(change.request)).changes !== 1) return { ok: false, reason: 'exists' };
      } else {
        const written = casNow(change.request, change.expectedVersion);
        if (!written.ok) return written;
      }
      for (const event of change.audit) this.sideEffects.audit.appendNow(event);
      for (const job of change.jobs) this.sideEffects.jobs.enqueueNow(job);
      return { ok: true, request: change.request };
    });
  }

  async commit(change: RequestChange): Promise<CommitOutcome> {
    if (change.expectedVersion !== null) checkNextVersion(change.request, change.expectedVersion);
    return this.commitInTransaction(change);
  }

  async create(request: UnblockRequest): Promise<boolean> {
    return this.insert.run(toColumns(request)).changes === 1;
  }

  async get(id: string): Promise<UnblockRequest | null> {
    const row = this.selectById.get(id) as Row | undefined;
    return row ? toRequest(row) : null;
  }

  async update(next: UnblockRequest, expectedVersion: number): Promise<UpdateOutcome> {
    checkNextVersion(next, expectedVersion);
    return this.updateInTransaction(next, expectedVersion);
  }

  async listInStates(states: readonly RequestState[], limit?: number): Promise<UnblockRequest[]> {
    return (this.selectInStates.all(JSON.stringify(states), sqlLimit(limit)) as Row[]).map(toRequest);
  }

  async listByState(state: RequestState, limit?: number): Promise<UnblockRequest[]> {
    return (this.selectByState.all(state, sqlLimit(limit)) as Row[]).map(toRequest);
  }

  async listActiveForTarget(targetUserId: string): Promise<UnblockRequest[]> {
    return (this.selectActiveForTarget.all(targetUserId, ...activeStates) as Row[]).map(toRequest);
  }

  async listRecentByRequester(aadObjectId: string, limit: number): Promise<UnblockRequest[]> {
    return (this.selectByRequester.all(aadObjectId, sqlLimit(limit)) as Row[]).map(toRequest);
  }

  async listForTarget(targetUserId: string, limit = 100): Promise<UnblockRequest[]> {
    return (this.selectForTarget.all(targetUserId, sqlLimit(limit)) as Row[]).map(toRequest);
  }

  async listRecent(limit: number): Promise<UnblockRequest[]> {
    return (this.selectRecent.all(sqlLimit(limit)) as Row[]).map(toRequest);
  }
}
