// The append-only audit trail in SQLite. This class has no UPDATE or DELETE statement, and triggers in the
// schema (migrations.ts) refuse both for anything else that opens the file.
import type Database from 'better-sqlite3';
import type { AuditEvent } from '../../runbook/index.js';
import type { AuditLog } from '../ports.js';
import { parseStoredObject } from './json.js';
import { sqlLimit } from './limit.js';

interface Row {
  doc: string;
}

function toEvent(row: Row): AuditEvent {
  return parseStoredObject(row.doc, 'audit event') as AuditEvent;
}

export class SqliteAuditLog implements AuditLog {
  private readonly insert: Database.Statement;
  private readonly selectForRequest: Database.Statement;
  private readonly selectRecent: Database.Statement;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO audit (request_id, at, doc) VALUES (@requestId, @at, @doc)');
    // Ordered by the autoincrement id, i.e. by the order of appends, not by the (caller-supplied) `at`.
    this.selectForRequest = db.prepare('SELECT doc FROM audit WHERE request_id = ? ORDER BY id');
    this.selectRecent = db.prepare('SELECT doc FROM audit ORDER BY id DESC LIMIT ?');
  }

  async append(event: AuditEvent): Promise<void> {
    this.appendNow(event);
  }

  /** Synchronous, for use inside another write's transaction (SqliteRequestStore.commit). */
  appendNow(event: AuditEvent): void {
    this.insert.run({ requestId: event.requestId, at: event.at, doc: JSON.stringify(event) });
  }

  async listForRequest(requestId: string): Promise<AuditEvent[]> {
    return (this.selectForRequest.all(requestId) as Row[]).map(toEvent);
  }

  /** Newest first. */
  async listRecent(limit: number): Promise<AuditEvent[]> {
    return (this.selectRecent.all(sqlLimit(limit)) as Row[]).map(toEvent);
  }
}
