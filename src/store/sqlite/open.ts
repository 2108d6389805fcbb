// Opens the embedded SQLite store: one file under DATA_DIR, shared safely by the bot and a separate
// worker process (WAL + busy_timeout), with the schema migrated on open.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type Store, StoreUnavailableError } from '../ports.js';
import { SqliteAuditLog } from './audit.js';
import { SqliteConversationStore } from './conversations.js';
import { SqliteJobQueue } from './jobs.js';
import { migrate } from './migrations.js';
import { SqliteRequestStore } from './requests.js';
import { SqliteRequestSearch } from './search.js';
import { SqliteStateStore } from './state.js';

/** The part of a pino logger this module uses. */
export interface StoreLogger {
  info(fields: object, message: string): void;
}

export interface SqliteStoreOptions {
  /** The directory holding the database file (DATA_DIR); created when missing. */
  dataDir: string;
  fileName?: string;
  logger?: StoreLogger;
}

/** How long a writer waits for another process's write lock before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

export function openSqliteStore(options: SqliteStoreOptions): Store {
  const file = path.join(options.dataDir, options.fileName ?? 'unblock-assistant.db');
  const db = openDatabase(file, options.logger);
  const audit = new SqliteAuditLog(db);
  const jobs = new SqliteJobQueue(db);
  return {
    requests: new SqliteRequestStore(db, { audit, jobs }),
    search: new SqliteRequestSearch(db),
    audit,
    conversations: new SqliteConversationStore(db),
    state: new SqliteStateStore(db),
    jobs,
    async ping() {
      try {
        db.prepare('SELECT 1').get();
      } catch (error) {
        throw new StoreUnavailableError(`The SQLite store at ${file} cannot be read.`, { cause: error });
      }
    },
    async close() {
      if (db.open) db.close();
    },
  };
}

function openDatabase(file: string, logger: StoreLogger | undefined): Database.Database {
  let db: Database.Database | undefined;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
    // busy_timeout first: switching to WAL itself needs a lock another process may hold.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`journal_mode is ${String(mode)}, not wal`);
    // NORMAL is durable in WAL mode except for the last transactions on power loss; never corrupts.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    const applied = migrate(db);
    logger?.info({ file, migrationsApplied: applied }, 'sqlite store opened');
    return db;
  } catch (error) {
    if (db?.open) db.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreUnavailableError(
      `Cannot open the SQLite store at ${file} (${reason}). Check that DATA_DIR points to a writable ` +
        'directory and that this file is an unblock-assistant database (move it away to start empty).',
      { cause: error },
    );
  }
}
