// The request list of the Requests tab in SQLite, kept fast with 100,000 requests (migration 4):
// - without words, every filter maps to an index that ends in (created_at, id) and a page continues after
//   the last row shown (keyset), so page 4,000 costs what page 1 costs;
// - with words, the FTS5 index drives: it yields matches in the order requests were added (its rowid),
//   newest first, and the query stops after one page however many requests match. Insertion order is
//   creation order, up to requests two processes create in the same millisecond.
// Cursors are opaque to callers: "c:<createdAt>|<id>" or "w:<word rowid>".
import type Database from 'better-sqlite3';
import type { Actor, UnblockRequest } from '../../runbook/index.js';
import type { RequestListPage, RequestListQuery, RequestSearch } from '../ports.js';
import { parseStoredObject } from './json.js';
import { requesterId, targetUpn } from './migrations.js';

interface Row {
  doc: string;
  seq?: number;
}

/** Sorts after every character, so `>= p AND < p + HIGHEST` is "starts with p" on an index. */
const HIGHEST = '\u{10ffff}';

/**
 * An FTS5 query in which each word must start a word of the indexed text: "rob@contoso.com" becomes the
 * phrase "rob contoso com"* (its own tokens in a row), so it does not also match robert.smith@contoso.com.
 * Only letters and digits reach the query, so nothing a person types is FTS5 syntax.
 */
export function wordQuery(words: readonly string[]): string | null {
  const phrases = words
    .map((word) => word.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((tokens) => tokens.length > 0)
    .map((tokens) => `"${tokens.join(' ')}"*`);
  return phrases.length > 0 ? phrases.join(' AND ') : null;
}

type Cursor = { kind: 'created'; createdAt: string; id: string } | { kind: 'words'; seq: number };

function parseCursor(text: string): Cursor | null {
  const created = /^c:([^|]{1,40})\|(.{1,200})$/s.exec(text);
  if (created) return { kind: 'created', createdAt: created[1] as string, id: created[2] as string };
  const words = /^w:(\d{1,15})$/.exec(text);
  return words ? { kind: 'words', seq: Number(words[1]) } : null;
}

export class SqliteRequestSearch implements RequestSearch {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly selectRequesters: Database.Statement;
  private readonly selectMarker: Database.Statement;

  constructor(private readonly db: Database.Database) {
    // One row per requester from the requester index, then the name on their newest request.
    this.selectRequesters = db.prepare(
      `SELECT requester AS aadObjectId,
              (SELECT json_extract(doc, '$.requester.name') FROM requests
                WHERE ${requesterId} = requester ORDER BY created_at DESC, id DESC LIMIT 1) AS name
       FROM (SELECT DISTINCT ${requesterId} AS requester FROM requests WHERE requester IS NOT NULL)
       ORDER BY name COLLATE NOCASE, aadObjectId LIMIT ?`,
    );
    // Every request change appends an audit row in the same transaction; the audit id only grows.
    this.selectMarker = db.prepare('SELECT coalesce(max(id), 0) AS marker FROM audit');
  }

  async list(query: RequestListQuery): Promise<RequestListPage | 'bad-cursor'> {
    const planned = this.plan(query);
    if (planned === 'bad-cursor') return planned;
    const { statement, params, byWords } = planned;
    // One more than asked for tells whether there is a next page without counting.
    const rows = statement.all(...params, query.limit + 1) as Row[];
    const page = rows.slice(0, query.limit);
    const requests = page.map((row) => parseStoredObject(row.doc, 'request') as UnblockRequest);
    const last = requests.at(-1);
    const lastRow = page.at(-1);
    let next: string | null = null;
    if (rows.length > query.limit && last && lastRow)
      next = byWords ? `w:${lastRow.seq}` : `c:${last.createdAt}|${last.id}`;
    return { requests, next };
  }

  /** SQLite's plan for a query, one line per step (for tests that prove every filter uses an index). */
  explain(query: RequestListQuery): string[] {
    const planned = this.plan(query);
    if (planned === 'bad-cursor') return [];
    const { statement, params } = planned;
    const explained = this.db.prepare(`EXPLAIN QUERY PLAN ${statement.source}`);
    return (explained.all(...params, query.limit + 1) as { detail: string }[]).map((row) => row.detail);
  }

  private plan(query: RequestListQuery) {
    const words = query.words ? wordQuery(query.words) : null;
    const cursor = query.after === undefined ? null : parseCursor(query.after);
    if (query.after !== undefined && (!cursor || cursor.kind !== (words ? 'words' : 'created')))
      return 'bad-cursor' as const;

    const where: string[] = [];
    const params: unknown[] = [];
    const shape: string[] = [words ? 'words' : 'created'];
    const add = (key: string, clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
      shape.push(key);
    };
    if (words) add('w', 'request_words MATCH ?', words);
    if (query.states && query.states.length > 0)
      add(
        `s${query.states.length}`,
        `r.state IN (${query.states.map(() => '?').join(', ')})`,
        ...query.states,
      );
    if (query.requesterId !== undefined) add('r', `${requesterId} = ?`, query.requesterId);
    if (query.targetPrefix !== undefined) {
      const prefix = query.targetPrefix.toLowerCase();
      add('t', `${targetUpn} >= ? AND ${targetUpn} < ?`, prefix, prefix + HIGHEST);
    }
    if (query.createdFrom !== undefined) add('f', 'r.created_at >= ?', query.createdFrom);
    if (query.createdBefore !== undefined) add('b', 'r.created_at < ?', query.createdBefore);
    if (cursor?.kind === 'created') add('a', '(r.created_at, r.id) < (?, ?)', cursor.createdAt, cursor.id);
    if (cursor?.kind === 'words') add('a', 'w.rowid < ?', cursor.seq);

    return {
      statement: this.statement(shape.join(','), where, words !== null),
      params,
      byWords: words !== null,
    };
  }

  async requesters(limit: number): Promise<Actor[]> {
    return this.selectRequesters.all(limit) as Actor[];
  }

  async changeMarker(): Promise<string> {
    return String((this.selectMarker.get() as { marker: number }).marker);
  }

  private statement(shape: string, where: string[], byWords: boolean): Database.Statement {
    let statement = this.statements.get(shape);
    if (!statement) {
      // Index expressions name columns without a table prefix; `doc` is unambiguous in both joins.
      const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
      statement = this.db.prepare(
        byWords
          ? `SELECT r.doc AS doc, w.rowid AS seq FROM request_words w JOIN requests r ON r.id = w.id
             ${filter} ORDER BY w.rowid DESC LIMIT ?`
          : `SELECT r.doc AS doc FROM requests r ${filter} ORDER BY r.created_at DESC, r.id DESC LIMIT ?`,
      );
      this.statements.set(shape, statement);
    }
    return statement;
  }
}
