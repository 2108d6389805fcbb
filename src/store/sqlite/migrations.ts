// The SQLite schema as an ordered list of migrations, tracked with PRAGMA user_version. A migration is
// never edited once released: change the schema by appending one.
import type Database from 'better-sqlite3';

/** Index expressions; queries must use the very same text for SQLite to use the index (search.ts). */
export const targetUpn = "lower(json_extract(doc, '$.target.userPrincipalName'))";
export const requesterId = "json_extract(doc, '$.requester.aadObjectId')";

/** What word search looks in: the blocked user's name, UPN and mail, the requester's name, the id. */
function wordsOf(doc: string, id: string): string {
  const field = (path: string) => `coalesce(json_extract(${doc}, '${path}'), '')`;
  return [
    field('$.target.displayName'),
    field('$.target.userPrincipalName'),
    field('$.target.mail'),
    field('$.requester.name'),
    id,
  ].join(" || ' ' || ");
}

const migrations: readonly string[] = [
  // 1: requests, the append-only audit trail, conversation references, sent cards and dialog state.
  `
  CREATE TABLE requests (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    state TEXT NOT NULL,
    target_user_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    doc TEXT NOT NULL CHECK (json_valid(doc))
  ) STRICT;
  CREATE INDEX requests_by_state ON requests (state, created_at);
  CREATE INDEX requests_by_target ON requests (target_user_id, state);
  CREATE INDEX requests_by_created ON requests (created_at DESC);

  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id TEXT,
    at TEXT NOT NULL,
    doc TEXT NOT NULL CHECK (json_valid(doc))
  ) STRICT;
  CREATE INDEX audit_by_request ON audit (request_id, id);
  -- The audit trail is evidence: refuse changes even from code paths or tools that bypass this module.
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;

  CREATE TABLE conversation_refs (
    key TEXT PRIMARY KEY,
    doc TEXT NOT NULL CHECK (json_valid(doc))
  ) STRICT;

  CREATE TABLE sent_cards (
    id INTEGER PRIMARY KEY,
    request_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    UNIQUE (conversation_id, activity_id)
  ) STRICT;
  CREATE INDEX sent_cards_by_request ON sent_cards (request_id, id);

  CREATE TABLE state (
    key TEXT PRIMARY KEY,
    etag TEXT NOT NULL,
    doc TEXT NOT NULL CHECK (json_valid(doc))
  ) STRICT;
  `,
  // 2: the job queue shared by the bot and worker processes. Rows are never deleted: the id stays taken
  // after a job ends, which is what makes enqueue idempotent. Times are UTC ISO text (toISOString()), so
  // text order is time order.
  `
  CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
    run_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    owner TEXT,
    lease_until TEXT
  ) STRICT;
  -- claim() looks for queued jobs by run_at and running jobs whose lease ran out.
  CREATE INDEX jobs_by_status ON jobs (status, run_at);
  `,
  // 3: "status" lists an agent's own requests: index the requester inside the JSON document.
  `
  CREATE INDEX requests_by_requester ON requests (json_extract(doc, '$.requester.aadObjectId'), created_at DESC);
  `,
  // 4: the Requests tab lists every request newest first, filtered and paged by (created_at, id): each
  // filter has an index that ends in that order, so a page reads about as many rows as it shows. Word
  // search goes through an FTS5 index of the names whose rowid grows with each new request, so a search
  // reads its matches newest first and stops after a page, however common the word. The triggers keep it
  // in step with every writer, also another process sharing the file. Target and requester never change
  // after a request is created, so the update trigger (a scan of the word index) practically never fires.
  `
  CREATE INDEX requests_by_created_id ON requests (created_at, id);
  CREATE INDEX requests_by_state_created ON requests (state, created_at, id);
  CREATE INDEX requests_by_target_upn ON requests (${targetUpn}, created_at, id);
  CREATE INDEX requests_by_requester_created ON requests (${requesterId}, created_at, id);
  CREATE VIRTUAL TABLE request_words USING fts5 (id UNINDEXED, words, tokenize = 'unicode61 remove_diacritics 2');
  INSERT INTO request_words (id, words) SELECT id, ${wordsOf('doc', 'id')} FROM requests ORDER BY created_at, id;
  CREATE TRIGGER request_words_insert AFTER INSERT ON requests BEGIN
    INSERT INTO request_words (id, words) VALUES (new.id, ${wordsOf('new.doc', 'new.id')});
  END;
  CREATE TRIGGER request_words_update AFTER UPDATE OF doc ON requests
    WHEN ${wordsOf('old.doc', 'old.id')} IS NOT ${wordsOf('new.doc', 'new.id')}
  BEGIN
    UPDATE request_words SET words = ${wordsOf('new.doc', 'new.id')} WHERE id = old.id;
  END;
  `,
];

/** The user_version a fully migrated database has. */
export const schemaVersion = migrations.length;

/**
 * Brings the schema up to date. Runs under BEGIN IMMEDIATE and re-reads user_version inside it, so a bot
 * and a worker opening a new file at the same moment do not both create the tables.
 * @returns the versions applied (empty when the schema was current).
 */
export function migrate(db: Database.Database): number[] {
  const run = db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    if (current > schemaVersion) {
      throw new Error(
        `The database schema is version ${current}, newer than this build understands (${schemaVersion}).`,
      );
    }
    const applied: number[] = [];
    for (let version = current + 1; version <= schemaVersion; version++) {
      db.exec(migrations[version - 1] ?? '');
      // PRAGMA takes no bound parameters; `version` is a loop integer, never input.
      db.pragma(`user_version = ${version}`);
      applied.push(version);
    }
    return applied;
  });
  return run.immediate();
}
