// Conversation references (to reach people proactively) and every card sent per request (to update each
// copy when the request changes), in SQLite.
import type Database from 'better-sqlite3';
import type { ConversationStore, SentCard } from '../ports.js';
import { parseStoredObject } from './json.js';
import { sqlLimit } from './limit.js';

/** The most references one listReferences call returns unless the caller asks for a limit. */
const DEFAULT_REFERENCE_LIMIT = 1000;

/**
 * A GLOB pattern matching keys that start with `prefix`. GLOB rather than LIKE: it is case-sensitive, and
 * SQLite turns a literal GLOB prefix into a range search on the key index. Its wildcards (* ? [) are
 * bracketed to match themselves; LIKE's % and _ mean nothing to GLOB.
 */
function globForPrefix(prefix: string): string {
  return `${prefix.replace(/[*?[]/g, (wildcard) => `[${wildcard}]`)}*`;
}

export class SqliteConversationStore implements ConversationStore {
  private readonly upsertReference: Database.Statement;
  private readonly selectReference: Database.Statement;
  private readonly selectReferencesByPrefix: Database.Statement;
  private readonly insertCard: Database.Statement;
  private readonly selectCards: Database.Statement;

  constructor(db: Database.Database) {
    this.upsertReference = db.prepare(
      'INSERT INTO conversation_refs (key, doc) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET doc = excluded.doc',
    );
    this.selectReference = db.prepare('SELECT doc FROM conversation_refs WHERE key = ?');
    // rowid is the order of first insertion: the upsert above updates in place and keeps it.
    this.selectReferencesByPrefix = db.prepare(
      'SELECT key, doc FROM conversation_refs WHERE key GLOB ? ORDER BY rowid LIMIT ?',
    );
    // A retried send records the same activity twice; the first record stands.
    this.insertCard = db.prepare(
      `INSERT INTO sent_cards (request_id, conversation_id, activity_id, kind)
       VALUES (@requestId, @conversationId, @activityId, @kind)
       ON CONFLICT (conversation_id, activity_id) DO NOTHING`,
    );
    this.selectCards = db.prepare(
      `SELECT request_id AS requestId, conversation_id AS conversationId, activity_id AS activityId, kind
       FROM sent_cards WHERE request_id = ? ORDER BY id`,
    );
  }

  async saveReference(key: string, reference: object): Promise<void> {
    this.upsertReference.run(key, JSON.stringify(reference));
  }

  async getReference(key: string): Promise<object | null> {
    const row = this.selectReference.get(key) as { doc: string } | undefined;
    return row ? parseStoredObject(row.doc, 'conversation reference') : null;
  }

  async listReferences(prefix: string, limit?: number): Promise<{ key: string; reference: object }[]> {
    const rows = this.selectReferencesByPrefix.all(
      globForPrefix(prefix),
      sqlLimit(limit, DEFAULT_REFERENCE_LIMIT),
    ) as { key: string; doc: string }[];
    return rows.map(({ key, doc }) => ({ key, reference: parseStoredObject(doc, 'conversation reference') }));
  }

  async addSentCard(card: SentCard): Promise<void> {
    const { requestId, conversationId, activityId, kind } = card;
    this.insertCard.run({ requestId, conversationId, activityId, kind });
  }

  async listSentCards(requestId: string): Promise<SentCard[]> {
    return this.selectCards.all(requestId) as SentCard[];
  }
}
