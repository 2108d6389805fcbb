// Secondary indexes of the requests, so lists read one small partition instead of scanning the table:
// by state (the monitor's "every waiting_resume request"), by target user, by requester and by creation
// time. An index entry lives in another partition than its request, so it cannot share the request's
// transaction; instead the request row stays the truth and the index is kept so that it may hold too much
// but never too little:
// - a commit writes the entries its new version needs BEFORE its transaction (so the current state's
//   entry always exists once the commit is visible), and removes the old version's entries after it,
//   only if no later commit has written them again (each entry carries the version that wrote it);
// - every list reads the requests its entries point to and keeps only those whose current version has
//   that entry. An entry left by a commit that lost or stopped is removed when a list meets it.
import type { TableClient } from '@azure/data-tables';
import type { UnblockRequest } from '../../runbook/index.js';
import { bestEffort, isNotFound, isPreconditionFailed } from './errors.js';
import { ascendingTime, descendingText, descendingTime, escapeKey, quote } from './keys.js';
import type { AzureLogger } from './logger.js';

interface Entry {
  partitionKey: string;
  rowKey: string;
}

interface StoredEntry extends Entry {
  requestId: string;
  version: number;
  etag: string;
  timestamp?: string;
}

/** Entries older than this whose request does not exist belong to a create that never landed. */
const ORPHAN_AFTER_MS = 10 * 60_000;
/** Requests read at once while a list checks its entries. */
const BATCH = 32;

export const indexPartition = {
  state: (state: string) => `state|${state}`,
  target: (targetUserId: string) => `target|${escapeKey(targetUserId)}`,
  requester: (aadObjectId: string) => `requester|${escapeKey(aadObjectId)}`,
  created: 'created',
};

/** The entries a request's version has: states list oldest first, the others newest first. */
function entriesOf(request: UnblockRequest): Entry[] {
  const newestFirst = `${descendingTime(request.createdAt)}|${descendingText(request.id)}`;
  return [
    {
      partitionKey: indexPartition.state(request.state),
      rowKey: `${ascendingTime(request.createdAt)}|${escapeKey(request.id)}`,
    },
    { partitionKey: indexPartition.target(request.target.id), rowKey: newestFirst },
    { partitionKey: indexPartition.requester(request.requester.aadObjectId), rowKey: newestFirst },
    { partitionKey: indexPartition.created, rowKey: newestFirst },
  ];
}

const keyOf = (entry: Entry) => `${entry.partitionKey}\n${entry.rowKey}`;

function missingFrom(entries: Entry[], other: UnblockRequest | null): Entry[] {
  if (!other) return entries;
  const present = new Set(entriesOf(other).map(keyOf));
  return entries.filter((entry) => !present.has(keyOf(entry)));
}

export interface WrittenEntry extends Entry {
  etag: string;
}

export class RequestIndex {
  constructor(
    private readonly table: TableClient,
    private readonly logger: AzureLogger,
  ) {}

  /** Before a commit: the entries `after` needs that `before` does not have. */
  async add(before: UnblockRequest | null, after: UnblockRequest): Promise<WrittenEntry[]> {
    return Promise.all(
      missingFrom(entriesOf(after), before).map(async (entry) => {
        const written = await this.table.upsertEntity(
          { ...entry, requestId: after.id, version: after.version },
          'Replace',
        );
        return { ...entry, etag: written.etag ?? '' };
      }),
    );
  }

  /** After a commit: the entries of `before` that `after` no longer has, unless rewritten since. */
  async retire(before: UnblockRequest | null, after: UnblockRequest): Promise<void> {
    if (!before) return;
    await Promise.all(
      missingFrom(entriesOf(before), after).map(async (entry) => {
        const stored = await this.read(entry);
        // A later commit that returned to this state wrote the entry again, with its own version.
        if (stored && stored.version <= before.version) await this.remove(stored);
      }),
    );
  }

  /** After a commit that did not land: the entries it added, unless the current request has them too. */
  async withdraw(written: WrittenEntry[], current: UnblockRequest | null): Promise<void> {
    await Promise.all(missingFrom(written, current).map((entry) => this.remove(entry as WrittenEntry)));
  }

  /**
   * The requests whose current version has an entry in one of `partitions`, in entry order (row keys
   * ascending across the partitions), each once, up to `limit` after `keep`.
   */
  async list(
    partitions: string[],
    load: (id: string) => Promise<UnblockRequest | null>,
    limit = Number.POSITIVE_INFINITY,
    keep: (request: UnblockRequest) => boolean = () => true,
  ): Promise<UnblockRequest[]> {
    if (limit <= 0) return [];
    const entries = (await Promise.all(partitions.map((p) => this.entriesIn(p)))).flat();
    entries.sort((a, b) => (a.rowKey < b.rowKey ? -1 : a.rowKey > b.rowKey ? 1 : 0));
    const found: UnblockRequest[] = [];
    const seen = new Set<string>();
    for (let at = 0; at < entries.length && found.length < limit; at += BATCH) {
      const batch = entries.slice(at, at + BATCH);
      const requests = await Promise.all(batch.map((entry) => load(entry.requestId)));
      for (const [i, entry] of batch.entries()) {
        const request = requests[i] ?? null;
        if (!this.isLive(entry, request)) continue;
        if (!request || seen.has(request.id) || !keep(request)) continue;
        seen.add(request.id);
        found.push(request);
        if (found.length >= limit) break;
      }
    }
    return found;
  }

  /** Whether the entry belongs to the request's current version; removes it when it never will. */
  private isLive(entry: StoredEntry, request: UnblockRequest | null): boolean {
    if (request && entriesOf(request).some((own) => keyOf(own) === keyOf(entry))) return true;
    const orphan = request
      ? entry.version <= request.version
      : Date.now() - Date.parse(entry.timestamp ?? '') > ORPHAN_AFTER_MS;
    // Otherwise a commit is on its way (its entry is written before its transaction): leave it.
    if (orphan) void this.remove(entry);
    return false;
  }

  private async entriesIn(partitionKey: string): Promise<StoredEntry[]> {
    const entries: StoredEntry[] = [];
    const rows = this.table.listEntities<{ requestId: string; version: number }>({
      queryOptions: { filter: `PartitionKey eq ${quote(partitionKey)}` },
    });
    for await (const row of rows) {
      entries.push({
        partitionKey,
        rowKey: row.rowKey ?? '',
        requestId: row.requestId,
        version: row.version,
        etag: row.etag,
        timestamp: row.timestamp,
      });
    }
    return entries;
  }

  private async read(entry: Entry): Promise<StoredEntry | null> {
    try {
      const row = await this.table.getEntity<{ requestId: string; version: number }>(
        entry.partitionKey,
        entry.rowKey,
      );
      return { ...entry, requestId: row.requestId, version: row.version, etag: row.etag };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  /** Deletes an entry only as it was read (If-Match): an entry written again since stays. */
  private async remove(entry: Entry & { etag: string }): Promise<void> {
    await bestEffort(
      () => this.table.deleteEntity(entry.partitionKey, entry.rowKey, { etag: entry.etag }),
      (error) => {
        if (!isNotFound(error) && !isPreconditionFailed(error))
          this.logger.warn({ err: error, entry: entry.rowKey }, 'could not remove a request index entry');
      },
    );
  }
}
