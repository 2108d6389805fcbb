// The change marker of the Azure store (RequestSearch.changeMarker): one row, overwritten with a new token
// after every commit and audit entry, so an open Requests tab polls one point read instead of scanning.
// Written unconditionally (last writer wins: any new token means "something changed") and best-effort: a
// lost write only delays a tab's refresh until the next change.
import type { TableClient } from '@azure/data-tables';
import { isNotFound } from './errors.js';
import { sequenceKey } from './keys.js';

const MARKER = { partitionKey: 'log|changes', rowKey: 'marker' };

export class ChangeMarker {
  constructor(private readonly table: TableClient) {}

  async touch(): Promise<void> {
    try {
      await this.table.upsertEntity({ ...MARKER, token: sequenceKey() }, 'Replace');
    } catch {
      // Best effort, see above.
    }
  }

  async read(): Promise<string> {
    try {
      const row = await this.table.getEntity<{ token: string }>(MARKER.partitionKey, MARKER.rowKey);
      return row.token;
    } catch (error) {
      if (isNotFound(error)) return 'none';
      throw error;
    }
  }
}
