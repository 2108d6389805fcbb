// Unblock requests in Azure Table Storage. Each request has its own partition (partitions.ts): the request
// row, its audit entries and its outbox rows. A commit is one entity-group transaction in that partition,
// so the compare-and-set, the audit entries and the jobs land together or not at all; the compare-and-set
// is the row's ETag (If-Match), read together with the version the caller expects. The jobs are then
// dispatched from the outbox (outbox.ts) and the lists' indexes brought up to date (requestIndex.ts).
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { isTerminal, type RequestState, type UnblockRequest } from '../../runbook/index.js';
import type { CommitOutcome, RequestChange, RequestStore, UpdateOutcome } from '../ports.js';
import { auditRow } from './audit.js';
import type { ChangeMarker } from './changeMarker.js';
import { bestEffort, isConflict, isNotFound, isPreconditionFailed } from './errors.js';
import { documentOf, documentProperties } from './keys.js';
import { checkLimit } from './limit.js';
import type { AzureLogger } from './logger.js';
import type { RequestOutbox } from './outbox.js';
import { REQUEST_ROW, requestPartition } from './partitions.js';
import { indexPartition, type RequestIndex } from './requestIndex.js';

/** Azure's limit on the operations of one entity-group transaction. */
const MAX_TRANSACTION = 100;

interface Stored {
  request: UnblockRequest;
  etag: string;
}

function requestRow(request: UnblockRequest) {
  return {
    partitionKey: requestPartition(request.id),
    rowKey: REQUEST_ROW,
    kind: 'request',
    // Readable columns for Storage Explorer; the document is the record.
    version: request.version,
    state: request.state,
    targetUserId: request.target.id,
    requesterId: request.requester.aadObjectId,
    createdAt: request.createdAt,
    ...documentProperties(request),
  };
}

function checkNextVersion(next: UnblockRequest, expectedVersion: number): void {
  if (next.version !== expectedVersion + 1) {
    throw new Error(
      `update(${next.id}): next.version must be expectedVersion + 1 (${expectedVersion + 1}), got ${next.version}`,
    );
  }
}

const byCreatedThenId = (a: UnblockRequest, b: UnblockRequest) =>
  a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt < b.createdAt ? -1 : 1;

export class AzureRequestStore implements RequestStore {
  constructor(
    private readonly table: TableClient,
    private readonly index: RequestIndex,
    private readonly outbox: RequestOutbox,
    private readonly logger: AzureLogger,
    /** Moved after every commit, for the Requests tab's polling (none in tools that copy records). */
    private readonly changes?: ChangeMarker,
  ) {}

  async commit(change: RequestChange): Promise<CommitOutcome> {
    const { request, expectedVersion } = change;
    if (expectedVersion !== null) checkNextVersion(request, expectedVersion);
    if (1 + change.audit.length + change.jobs.length > MAX_TRANSACTION) {
      throw new RangeError(`a commit holds at most ${MAX_TRANSACTION} rows`);
    }
    let before: Stored | null = null;
    if (expectedVersion !== null) {
      before = await this.read(request.id);
      if (!before) return { ok: false, reason: 'not-found' };
      if (before.request.version !== expectedVersion)
        return { ok: false, reason: 'conflict', current: before.request };
    }
    const partitionKey = requestPartition(request.id);
    const [messages, added] = await Promise.all([
      this.outbox.prepare(partitionKey, change.jobs),
      this.index.add(before?.request ?? null, request),
    ]);
    const actions: TransactionAction[] = [
      before
        ? ['update', requestRow(request), 'Replace', { etag: before.etag }]
        : ['create', requestRow(request)],
      ...change.audit.map((event): TransactionAction => ['create', auditRow(event)]),
      ...this.outbox.rows(partitionKey, change.jobs),
    ];
    const failure = await this.submit(actions, request.id, before !== null);
    if (failure) {
      await this.outbox.discard(messages);
      const current = failure.reason === 'conflict' ? failure.current : await this.get(request.id);
      await this.index.withdraw(added, current);
      return failure;
    }
    // The commit stands from here on: what follows repairs itself if this process stops or fails now.
    const log = (what: string) => (err: unknown) => this.logger.warn({ err, requestId: request.id }, what);
    await bestEffort(
      () => this.outbox.dispatch(partitionKey, change.jobs, messages),
      log('dispatch deferred'),
    );
    await bestEffort(
      () => this.index.retire(before?.request ?? null, request),
      log('index clean-up deferred'),
    );
    await this.changes?.touch();
    return { ok: true, request };
  }

  async create(request: UnblockRequest): Promise<boolean> {
    return (await this.commit({ request, expectedVersion: null, audit: [], jobs: [] })).ok;
  }

  async get(id: string): Promise<UnblockRequest | null> {
    return (await this.read(id))?.request ?? null;
  }

  async update(next: UnblockRequest, expectedVersion: number): Promise<UpdateOutcome> {
    const outcome = await this.commit({ request: next, expectedVersion, audit: [], jobs: [] });
    // 'exists' only answers a create.
    return outcome.ok || outcome.reason !== 'exists' ? outcome : { ok: false, reason: 'not-found' };
  }

  listByState(state: RequestState, limit?: number): Promise<UnblockRequest[]> {
    return this.list([indexPartition.state(state)], limit);
  }

  listInStates(states: readonly RequestState[], limit?: number): Promise<UnblockRequest[]> {
    return this.list(
      states.map((state) => indexPartition.state(state)),
      limit,
    );
  }

  async listActiveForTarget(targetUserId: string): Promise<UnblockRequest[]> {
    const active = await this.list(
      [indexPartition.target(targetUserId)],
      undefined,
      (r) => !isTerminal(r.state),
    );
    return active.sort(byCreatedThenId);
  }

  listRecent(limit: number): Promise<UnblockRequest[]> {
    return this.list([indexPartition.created], limit);
  }

  listRecentByRequester(aadObjectId: string, limit: number): Promise<UnblockRequest[]> {
    return this.list([indexPartition.requester(aadObjectId)], limit);
  }

  listForTarget(targetUserId: string, limit = 100): Promise<UnblockRequest[]> {
    return this.list([indexPartition.target(targetUserId)], limit);
  }

  private list(
    partitions: string[],
    limit: number | undefined,
    keep?: (request: UnblockRequest) => boolean,
  ): Promise<UnblockRequest[]> {
    return this.index.list(partitions, (id) => this.get(id), checkLimit(limit), keep);
  }

  /** Runs the transaction; the outcome when it was refused, null when it landed. */
  private async submit(
    actions: TransactionAction[],
    id: string,
    isUpdate: boolean,
  ): Promise<Exclude<CommitOutcome, { ok: true }> | null> {
    try {
      await this.table.submitTransaction(actions);
      return null;
    } catch (error) {
      if (!isUpdate && isConflict(error)) return { ok: false, reason: 'exists' };
      if (isUpdate && (isPreconditionFailed(error) || isNotFound(error))) {
        // Someone committed between our read and our write: report what they wrote.
        const current = await this.get(id);
        return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'not-found' };
      }
      // Anything else may or may not have landed: the outbox messages and index entries sort it out.
      throw error;
    }
  }

  private async read(id: string): Promise<Stored | null> {
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(requestPartition(id), REQUEST_ROW);
      return { request: documentOf(row, 'request') as UnblockRequest, etag: row.etag };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
}
