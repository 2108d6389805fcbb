// The append-only audit trail in Azure Table Storage. A request's entries live in the request's own
// partition (so a commit writes them in the same transaction as the request), keyed by an ever-increasing
// sequence, so a partition query returns them in the order they were appended. Entries about no request
// share one partition of their own. This class never updates or deletes an entry.
import type { TableClient } from '@azure/data-tables';
import type { AuditEvent } from '../../runbook/index.js';
import type { AuditLog } from '../ports.js';
import type { ChangeMarker } from './changeMarker.js';
import { ascendingTime, documentOf, documentProperties, quote, rowKeyRange, sequenceKey } from './keys.js';
import { checkLimit } from './limit.js';
import { requestPartition } from './partitions.js';

const AUDIT_PREFIX = 'audit|';
/** The partition of audit entries about no request in particular (refused commands, settings). */
const WITHOUT_REQUEST = 'log|without-request';

/**
 * The row of one audit entry, appended after every entry already in its partition; or, for an entry copied
 * from another store, at a key made of its own time and place (so copying it again finds it there).
 */
export function auditRow(event: AuditEvent, copiedAs?: { index: number }) {
  const key = copiedAs
    ? `${ascendingTime(event.at)}-${String(copiedAs.index).padStart(6, '0')}-copied`
    : sequenceKey();
  return {
    partitionKey: event.requestId === null ? WITHOUT_REQUEST : requestPartition(event.requestId),
    rowKey: `${AUDIT_PREFIX}${key}`,
    kind: 'audit',
    action: event.action,
    at: event.at,
    ...documentProperties(event),
  };
}

function toEvent(row: Record<string, unknown>): AuditEvent {
  return documentOf(row, 'audit event') as AuditEvent;
}

const byRowKey = (a: { rowKey?: string }, b: { rowKey?: string }) =>
  (a.rowKey ?? '') < (b.rowKey ?? '') ? -1 : (a.rowKey ?? '') > (b.rowKey ?? '') ? 1 : 0;

export class AzureAuditLog implements AuditLog {
  constructor(
    private readonly table: TableClient,
    private readonly changes: ChangeMarker,
  ) {}

  async append(event: AuditEvent): Promise<void> {
    await this.table.createEntity(auditRow(event));
    await this.changes.touch();
  }

  async listForRequest(requestId: string): Promise<AuditEvent[]> {
    const filter = rowKeyRange(requestPartition(requestId), AUDIT_PREFIX);
    const rows: Record<string, unknown>[] & { rowKey?: string }[] = [];
    for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } }))
      rows.push(row);
    return rows.sort(byRowKey).map(toEvent);
  }

  /**
   * Newest first, across every partition: a scan of the audit entries, for tools and reports (the request
   * path never lists the whole trail).
   */
  async listRecent(limit: number): Promise<AuditEvent[]> {
    const max = checkLimit(limit);
    const rows: { rowKey?: string }[] = [];
    const filter = `kind eq ${quote('audit')}`;
    for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } }))
      rows.push(row);
    return rows
      .sort(byRowKey)
      .reverse()
      .slice(0, max)
      .map((row) => toEvent(row as Record<string, unknown>));
  }
}
