// Key-value dialog state with eTags in SQLite, for src/bot/ to wrap as botbuilder's Storage. All writes of
// one call happen in one transaction: a stale eTag on any key leaves every key unchanged.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { StateConflictError, type StateItem, type StateStore } from '../ports.js';
import { parseStoredObject } from './json.js';

interface Row {
  key: string;
  etag: string;
  doc: string;
}

type Changes = Record<string, { value: object; eTag?: string }>;

export class SqliteStateStore implements StateStore {
  private readonly selectOne: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly replaceIfMatch: Database.Statement;
  private readonly deleteOne: Database.Statement;
  private readonly insertIfAbsent: Database.Statement;
  private readonly writeAll: (changes: Changes) => void;
  private readonly deleteAll: (keys: string[]) => void;

  constructor(db: Database.Database) {
    this.selectOne = db.prepare('SELECT key, etag, doc FROM state WHERE key = ?');
    this.upsert = db.prepare(
      `INSERT INTO state (key, etag, doc) VALUES (@key, @etag, @doc)
       ON CONFLICT (key) DO UPDATE SET etag = excluded.etag, doc = excluded.doc`,
    );
    this.replaceIfMatch = db.prepare(
      'UPDATE state SET etag = @etag, doc = @doc WHERE key = @key AND etag = @expected',
    );
    this.deleteOne = db.prepare('DELETE FROM state WHERE key = ?');
    this.insertIfAbsent = db.prepare(
      'INSERT INTO state (key, etag, doc) VALUES (@key, @etag, @doc) ON CONFLICT (key) DO NOTHING',
    );
    this.writeAll = db.transaction((changes: Changes) => {
      for (const [key, change] of Object.entries(changes)) this.writeOne(key, change);
    });
    this.deleteAll = db.transaction((keys: string[]) => {
      for (const key of keys) this.deleteOne.run(key);
    });
  }

  async read(keys: string[]): Promise<Record<string, StateItem>> {
    const items: [string, StateItem][] = [];
    for (const key of keys) {
      const row = this.selectOne.get(key) as Row | undefined;
      if (row) items.push([key, { value: parseStoredObject(row.doc, 'state item'), eTag: row.etag }]);
    }
    // fromEntries defines own properties, so a caller's key "__proto__" cannot set the record's prototype.
    return Object.fromEntries(items);
  }

  async write(changes: Changes): Promise<void> {
    this.writeAll(changes);
  }

  async writeIfAbsent(key: string, value: object): Promise<boolean> {
    return this.insertIfAbsent.run({ key, etag: randomUUID(), doc: JSON.stringify(value) }).changes === 1;
  }

  async delete(keys: string[]): Promise<void> {
    this.deleteAll(keys);
  }

  private writeOne(key: string, change: { value: object; eTag?: string }): void {
    const row = { key, etag: randomUUID(), doc: JSON.stringify(change.value) };
    if (change.eTag === undefined || change.eTag === '*') {
      this.upsert.run(row);
      return;
    }
    if (this.replaceIfMatch.run({ ...row, expected: change.eTag }).changes === 0) {
      throw new StateConflictError(`State "${key}" was changed by someone else (eTag mismatch).`);
    }
  }
}
