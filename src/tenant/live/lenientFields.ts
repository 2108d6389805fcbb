// Reading Exchange rows field by field. Exchange documents no output schema for Get-BlockedSenderAddress
// or Get-Mailbox (m365-contracts.md §1.1, §2.3: the field names come from CIPP, REST rows carry .NET types
// with "@data.type" annotations), so a value of an unexpected type in a field that is not the row's key
// costs that field only: the row is kept, the field is reported unreadable (cards show "unknown"), and the
// log says so once per cmdlet and field, with the JSON type received and never the value (it may be
// personal data).
import type { Logger } from 'pino';
import type { z } from 'zod';

/** Called for each field that could not be read; `received` is the JSON type, never the value. */
export type UnreadableFieldReport = (what: string, field: string, received: string) => void;

/** Logs each (cmdlet, field) pair once per process: a tenant that sends a strange type sends it every time. */
export class UnreadableFieldLog {
  private readonly seen = new Set<string>();

  constructor(private readonly logger: Logger) {}

  readonly report: UnreadableFieldReport = (what, field, received) => {
    const key = `${what}|${field}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.logger.warn(
      { what, field, received },
      'Exchange sent a field of an unexpected type: it is shown as unknown (reported once)',
    );
  };
}

/**
 * Reads one optional field: its parsed value, null when absent, or `unreadable` when present with a value
 * the schema refuses (reported through `report`).
 */
export function lenientField<T>(
  row: Record<string, unknown>,
  field: string,
  schema: z.ZodType<T>,
  what: string,
  report: UnreadableFieldReport | undefined,
): { value: T | null; unreadable: boolean } {
  const raw = row[field];
  if (raw === undefined || raw === null) return { value: null, unreadable: false };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, unreadable: false };
  report?.(what, field, Array.isArray(raw) ? 'array' : typeof raw);
  return { value: null, unreadable: true };
}
