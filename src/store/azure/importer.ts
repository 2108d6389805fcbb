// Copies records from another store into Azure Storage (`npm run migrate-store`). Every write can be
// repeated: copied audit entries get keys made of their own time and position, written as upserts, and a
// request row is created only after all of its audit entries, so "the request is there" means "everything
// about it is there". A copy that stopped half-way is resumed by running it again.
import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { AuditEvent, UnblockRequest } from '../../runbook/index.js';
import type { RequestStore } from '../ports.js';
import { auditRow } from './audit.js';

/** Azure's limit on the operations of one entity-group transaction. */
const MAX_TRANSACTION = 100;

export class AzureImporter {
  constructor(
    private readonly table: TableClient,
    private readonly requests: RequestStore,
  ) {}

  /** Copies a request and its audit trail; 'present' when it was copied (or created here) before. */
  async importRequest(request: UnblockRequest, audit: AuditEvent[]): Promise<'copied' | 'present'> {
    if (await this.requests.get(request.id)) return 'present';
    await this.upsertAudit(audit);
    return (await this.requests.create(request)) ? 'copied' : 'present';
  }

  /** Copies the audit entries about no request (refused commands, settings): safe to repeat. */
  async importAuditWithoutRequest(events: AuditEvent[]): Promise<void> {
    await this.upsertAudit(events);
  }

  private async upsertAudit(events: AuditEvent[]): Promise<void> {
    const rows = events.map((event, index) => auditRow(event, { index }));
    for (let at = 0; at < rows.length; at += MAX_TRANSACTION) {
      const chunk = rows.slice(at, at + MAX_TRANSACTION);
      await this.table.submitTransaction(chunk.map((row): TransactionAction => ['upsert', row, 'Replace']));
    }
  }
}
