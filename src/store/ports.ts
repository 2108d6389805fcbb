// What the bot and the worker need from storage. Implementations: sqlite/ (embedded default) and, later,
// azure/ (Table, Queue, Blob). All methods are async so both fit.
import type { Actor, AuditEvent, RequestState, UnblockRequest } from '../runbook/index.js';

export type UpdateOutcome =
  | { ok: true; request: UnblockRequest }
  | { ok: false; reason: 'conflict'; current: UnblockRequest }
  | { ok: false; reason: 'not-found' };

/**
 * Everything one use case writes about one request: the request itself (created, or compare-and-set on
 * its version), the audit entries that record the change, and the jobs the change implies (notify,
 * unblock). A store commits all of it or none of it: one SQLite transaction, or one entity-group
 * transaction in the request's Azure Table partition with the jobs as outbox rows dispatched after.
 */
export interface RequestChange {
  request: UnblockRequest;
  /** The version the change was computed from; null creates the request (refused when the id exists). */
  expectedVersion: number | null;
  audit: AuditEvent[];
  /** Queued unless a job with the same id was ever queued (ids are idempotency keys). */
  jobs: NewJob[];
}

export type CommitOutcome = UpdateOutcome | { ok: false; reason: 'exists' };

export interface RequestStore {
  /** Commits a use case's writes atomically (see RequestChange). */
  commit(change: RequestChange): Promise<CommitOutcome>;
  /** Inserts a new request; false when a request with this id already exists (the claim). */
  create(request: UnblockRequest): Promise<boolean>;
  get(id: string): Promise<UnblockRequest | null>;
  /**
   * Compare-and-set: writes `next` (its version must be expectedVersion + 1) only when the stored version
   * is still `expectedVersion`; otherwise returns the current record.
   */
  update(next: UnblockRequest, expectedVersion: number): Promise<UpdateOutcome>;
  listByState(state: RequestState, limit?: number): Promise<UnblockRequest[]>;
  /** Requests in any of these states, oldest first (one query: the reconciler's per-cycle look). */
  listInStates(states: readonly RequestState[], limit?: number): Promise<UnblockRequest[]>;
  /** Requests for a target user that have not ended (so an agent does not start a second one). */
  listActiveForTarget(targetUserId: string): Promise<UnblockRequest[]>;
  /** Most recent first. */
  listRecent(limit: number): Promise<UnblockRequest[]>;
  /** The requests an agent started (by Entra object id), most recent first. */
  listRecentByRequester(aadObjectId: string, limit: number): Promise<UnblockRequest[]>;
  /** Every request for a target user, whatever its state, most recent first. */
  listForTarget(targetUserId: string, limit?: number): Promise<UnblockRequest[]>;
}

/**
 * One page of the request list (the Requests tab): every filter given narrows it, newest first
 * (createdAt, then id), paged by a keyset cursor so page 400 costs what page 1 costs.
 */
export interface RequestListQuery {
  states?: readonly RequestState[];
  /** The blocked user's UPN starts with this (case-insensitive), e.g. "rob". */
  targetPrefix?: string;
  /** Started by this person (Entra object id). */
  requesterId?: string;
  /** createdAt ≥ this instant (ISO). */
  createdFrom?: string;
  /** createdAt < this instant (ISO). */
  createdBefore?: string;
  /** Words that must all start a word of the user's name, UPN, mail, the requester's name or the id. */
  words?: readonly string[];
  /** Where to continue: the `next` of the previous page (opaque). */
  after?: string;
  limit: number;
}

export interface RequestListPage {
  requests: UnblockRequest[];
  /** Pass as `after` for the next page; null on the last page. */
  next: string | null;
}

/** Reads for browsing every request (the Requests tab), kept fast by indexes with 100,000 requests. */
export interface RequestSearch {
  /** 'bad-cursor' when `after` is not a cursor this query could have returned (tampered, or another filter). */
  list(query: RequestListQuery): Promise<RequestListPage | 'bad-cursor'>;
  /** Everyone who started a request, with the name of their latest one, by name. */
  requesters(limit: number): Promise<Actor[]>;
  /**
   * A value that changes whenever anything about any request changes (a commit, an audit note), so an open
   * view can poll it cheaply and reload only when it moved.
   */
  changeMarker(): Promise<string>;
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
  /** References whose key starts with `prefix` (e.g. "user:" for every 1:1 chat), oldest first. */
  listReferences(prefix: string, limit?: number): Promise<{ key: string; reference: object }[]>;
  addSentCard(card: SentCard): Promise<void>;
  listSentCards(requestId: string): Promise<SentCard[]>;
}

export type JobType = 'unblock' | 'notify' | 'check-resumed';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A durable unit of background work. The id is the idempotency key: one job per id, ever. */
export interface Job {
  id: string;
  type: JobType;
  payload: object;
  status: JobStatus;
  runAt: string;
  attempts: number;
  lastError: string | null;
  /** Who holds the lease while status is 'running'. */
  owner: string | null;
  leaseUntil: string | null;
}

export interface NewJob {
  id: string;
  type: JobType;
  payload: object;
  /** Not before this time; default now. */
  runAt?: Date;
}

/**
 * The job queue shared by the bot and any number of worker processes. claim() leases the next due job
 * atomically; a lease that runs out (a crashed worker) makes the job claimable again.
 */
export interface JobQueue {
  /** Adds the job unless a job with this id was ever added; returns whether it was added. */
  enqueue(job: NewJob): Promise<boolean>;
  /** Leases the oldest due job (queued and runAt ≤ now, or running with an expired lease); attempts + 1. */
  claim(owner: string, now: Date, leaseMs: number): Promise<Job | null>;
  /** Marks a job done; false when `owner` no longer holds the lease (someone else took it over). */
  complete(id: string, owner: string): Promise<boolean>;
  /** Releases the job for another attempt at `runAt`; false when `owner` no longer holds the lease. */
  retry(id: string, owner: string, runAt: Date, error: string): Promise<boolean>;
  /** Ends the job as failed; false when `owner` no longer holds the lease. */
  fail(id: string, owner: string, error: string): Promise<boolean>;
  get(id: string): Promise<Job | null>;
  /** How many jobs are in each status (for /readyz, metrics and tests). */
  counts(): Promise<Record<JobStatus, number>>;
  /** The earliest runAt of a queued job, to sleep until then; null when none is queued. */
  nextRunAt(): Promise<string | null>;
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
  /** Stores `value` only when `key` holds nothing: of several processes trying at once, one wins. */
  writeIfAbsent(key: string, value: object): Promise<boolean>;
  delete(keys: string[]): Promise<void>;
}

export class StateConflictError extends Error {
  override readonly name = 'StateConflictError';
}

export interface Store {
  requests: RequestStore;
  search: RequestSearch;
  audit: AuditLog;
  conversations: ConversationStore;
  state: StateStore;
  jobs: JobQueue;
  /** Throws when the store cannot be read (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The store cannot be opened or read (a bad DATA_DIR, a corrupt file, storage down): an outage, not a bug. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
