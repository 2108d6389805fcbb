// Moving from SQLite to Azure Storage (`npm run migrate-store`): copies every request with its audit trail
// and sent cards, the audit entries about no request, the conversation references and the named state
// items (the card signing key) from one store into an Azure store. Idempotent and resumable: a request
// already in the target is skipped, everything else is written so that writing it twice changes nothing.
// Queued jobs are not copied: the reconciler queues the unblock of every approved request again, and
// the summary counts what was still open in the source.
import type { AuditEvent, UnblockRequest } from '../runbook/index.js';
import type { AzureStore } from './azure/index.js';
import type { Store } from './ports.js';

/** "Everything": list limits are integers. */
const ALL = 2 ** 31 - 1;
/** Requests copied at once. */
const PARALLEL = 8;

export interface MigrationProgress {
  start(total: number): void;
  /** One more item done; `what` names it for the progress line. */
  advance(what: string): void;
  stop(): void;
}

export interface MigrationSummary {
  requests: { copied: number; alreadyThere: number };
  /** Audit entries copied with the requests. */
  auditEntries: number;
  auditWithoutRequest: number;
  sentCards: number;
  references: number;
  stateItems: string[];
  /** Jobs queued or running in the source, which are not copied. */
  openJobsInSource: number;
}

export interface MigrationOptions {
  /** State items to copy (the dialog state of conversations in progress is not copied). */
  stateKeys: string[];
  progress: MigrationProgress;
}

export async function migrateStore(
  source: Store,
  target: AzureStore,
  options: MigrationOptions,
): Promise<MigrationSummary> {
  const requests = (await source.requests.listRecent(ALL)).reverse();
  const references = await source.conversations.listReferences('', ALL);
  const withoutRequest = (await source.audit.listRecent(ALL)).filter((e) => e.requestId === null).reverse();
  const summary: MigrationSummary = {
    requests: { copied: 0, alreadyThere: 0 },
    auditEntries: 0,
    auditWithoutRequest: withoutRequest.length,
    sentCards: 0,
    references: references.length,
    stateItems: [],
    openJobsInSource: 0,
  };
  const { progress } = options;
  progress.start(requests.length + references.length + 2);
  try {
    await inParallel(requests, PARALLEL, async (request) => {
      await copyRequest(source, target, request, summary);
      progress.advance(`request ${request.id}`);
    });
    for (const { key, reference } of references) {
      await target.conversations.saveReference(key, reference);
      progress.advance(`reference ${key}`);
    }
    await target.importer.importAuditWithoutRequest(withoutRequest);
    progress.advance('audit entries without a request');
    const items = await source.state.read(options.stateKeys);
    const copied = Object.entries(items).map(([key, item]) => [key, { value: item.value }] as const);
    if (copied.length > 0) await target.state.write(Object.fromEntries(copied));
    summary.stateItems = copied.map(([key]) => key);
    progress.advance('state');
  } finally {
    progress.stop();
  }
  const counts = await source.jobs.counts();
  summary.openJobsInSource = counts.queued + counts.running;
  return summary;
}

async function copyRequest(
  source: Store,
  target: AzureStore,
  request: UnblockRequest,
  summary: MigrationSummary,
) {
  if (await target.requests.get(request.id)) {
    summary.requests.alreadyThere += 1;
    return;
  }
  const audit: AuditEvent[] = await source.audit.listForRequest(request.id);
  // Cards first: the request row is written last, so a copy that stops half-way is redone from the start.
  const cards = await source.conversations.listSentCards(request.id);
  for (const card of cards) await target.conversations.addSentCard(card);
  const outcome = await target.importer.importRequest(request, audit);
  if (outcome === 'copied') {
    summary.requests.copied += 1;
    summary.auditEntries += audit.length;
    summary.sentCards += cards.length;
  } else {
    summary.requests.alreadyThere += 1;
  }
}

async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await task(item);
      }
    }),
  );
}
