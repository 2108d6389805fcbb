// What the bot and the worker need from storage. Implementations: sqlite/ (embedded default) and, later,
// azure/ (Table, Queue, Blob). All methods are async so both fit.
import type { AuditEvent, RequestState, UnblockRequest } from '../runbook/types.js';

export type UpdateOutcome =
  | { ok: true; request: UnblockRequest }
  | { ok: false; reason: 'conflict'; current: UnblockRequest }
  | { ok: false; reason: 'not-found' };

export interface RequestStore {
  /** Inserts a new request; false when a request with this id already exists (the claim). */
  create(request: UnblockRequest): Promise<boolean>;
  get(id: string): Promise<UnblockRequest | null>;
  /**
   * Compare-and-set: writes `next` (its version must be expectedVersion + 1) only when the stored version
   * is still `expectedVersion`; otherwise returns the current record.
   */
  update(next: UnblockRequest, expectedVersion: number): Promise<UpdateOutcome>;
  listByState(state: RequestState, limit?: number): Promise<UnblockRequest[]>;
  /** Requests for a target user that have not ended (so an agent does not start a second one). */
  listActiveForTarget(targetUserId: string): Promise<UnblockRequest[]>;
  /** Most recent first. */
  listRecent(limit: number): Promise<UnblockRequest[]>;
}

export interface AuditLog {
  append(event: AuditEvent): Promise<void>;
  /** Oldest first. */
  listForRequest(requestId: string): Promise<AuditEvent[]>;
  listRecent(limit: number): Promise<AuditEvent[]>;
}

/** A card the bot sent, remembered so every copy can be updated when the request changes. */
export interface SentCard {
  requestId: string;
  conversationId: string;
  activityId: string;
  kind: string;
}

export interface ConversationStore {
  /** Saves (or replaces) a conversation reference, an opaque JSON object owned by src/bot/. */
  saveReference(key: string, reference: object): Promise<void>;
  getReference(key: string): Promise<object | null>;
  addSentCard(card: SentCard): Promise<void>;
  listSentCards(requestId: string): Promise<SentCard[]>;
}

/** A stored item with an optimistic-concurrency tag, for the bot's dialog state. */
export interface StateItem {
  value: object;
  eTag: string;
}

/**
 * Key-value state with eTags, shaped so src/bot/ can wrap it as botbuilder's Storage without this folder
 * importing botbuilder. write() with a stale eTag throws StateConflictError.
 */
export interface StateStore {
  read(keys: string[]): Promise<Record<string, StateItem>>;
  /** `eTag` undefined or '*' = last writer wins; otherwise must match the stored one. */
  write(changes: Record<string, { value: object; eTag?: string }>): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

export class StateConflictError extends Error {
  override readonly name = 'StateConflictError';
}

export interface Store {
  requests: RequestStore;
  audit: AuditLog;
  conversations: ConversationStore;
  state: StateStore;
  /** Throws when the store cannot be read (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The store cannot be opened or read (a bad DATA_DIR, a corrupt file, storage down): an outage, not a bug. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
