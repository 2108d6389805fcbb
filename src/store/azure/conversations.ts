// Conversation references (to reach people proactively) and every card sent per request (to update each
// copy when the request changes), in Azure Table Storage. References share one partition, keyed by their
// escaped key, so a key prefix is a RowKey range; each remembers when it was first saved, for "oldest
// first". Sent cards live in their request's partition.
import type { TableClient, TableEntityResult } from '@azure/data-tables';
import type { ConversationStore, SentCard } from '../ports.js';
import { isConflict, isNotFound } from './errors.js';
import { documentOf, documentProperties, escapeKey, rowKeyRange, sequenceKey } from './keys.js';
import { checkLimit } from './limit.js';
import { requestPartition } from './partitions.js';

const REFERENCES = 'reference';
const CARD_PREFIX = 'card|';
/** The most references one listReferences call returns unless the caller asks for a limit. */
const DEFAULT_REFERENCE_LIMIT = 1000;

type Row = TableEntityResult<Record<string, unknown>>;

const bySequence = (a: Row, b: Row) =>
  String(a.firstSaved ?? a.seq).localeCompare(String(b.firstSaved ?? b.seq));

export class AzureConversationStore implements ConversationStore {
  constructor(
    private readonly references: TableClient,
    private readonly requests: TableClient,
  ) {}

  async saveReference(key: string, reference: object): Promise<void> {
    const row = { partitionKey: REFERENCES, rowKey: escapeKey(key), key, ...documentProperties(reference) };
    try {
      await this.references.createEntity({ ...row, firstSaved: sequenceKey() });
    } catch (error) {
      if (!isConflict(error)) throw error;
      // Replacing keeps its place in the "oldest first" order: merge leaves firstSaved as it was.
      await this.references.updateEntity(row, 'Merge');
    }
  }

  async getReference(key: string): Promise<object | null> {
    try {
      const row = await this.references.getEntity<Record<string, unknown>>(REFERENCES, escapeKey(key));
      return documentOf(row, 'conversation reference');
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async listReferences(prefix: string, limit?: number): Promise<{ key: string; reference: object }[]> {
    const max = checkLimit(limit, DEFAULT_REFERENCE_LIMIT);
    const filter = rowKeyRange(REFERENCES, escapeKey(prefix));
    const rows: Row[] = [];
    for await (const row of this.references.listEntities<Record<string, unknown>>({
      queryOptions: { filter },
    })) {
      rows.push(row);
    }
    return rows
      .sort(bySequence)
      .slice(0, max)
      .map((row) => ({ key: String(row.key), reference: documentOf(row, 'conversation reference') }));
  }

  async addSentCard(card: SentCard): Promise<void> {
    const { requestId, conversationId, activityId, kind } = card;
    try {
      await this.requests.createEntity({
        partitionKey: requestPartition(requestId),
        rowKey: `${CARD_PREFIX}${escapeKey(conversationId)}|${escapeKey(activityId)}`,
        kind: 'card',
        requestId,
        conversationId,
        activityId,
        cardKind: kind,
        seq: sequenceKey(),
      });
    } catch (error) {
      // A retried send records the same activity twice; the first record stands.
      if (!isConflict(error)) throw error;
    }
  }

  async listSentCards(requestId: string): Promise<SentCard[]> {
    const filter = rowKeyRange(requestPartition(requestId), CARD_PREFIX);
    const rows: Row[] = [];
    for await (const row of this.requests.listEntities<Record<string, unknown>>({
      queryOptions: { filter },
    })) {
      rows.push(row);
    }
    return rows.sort(bySequence).map((row) => ({
      requestId: String(row.requestId),
      conversationId: String(row.conversationId),
      activityId: String(row.activityId),
      kind: String(row.cardKind),
    }));
  }
}
