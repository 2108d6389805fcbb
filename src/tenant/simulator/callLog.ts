// Every Microsoft-API request the simulator answered, for tests and e2e assertions ("exactly one
// Remove-BlockedSenderAddress", "the second page re-POSTed the same body"). Control calls are not logged.
import type { FaultApi } from './faults.js';

export interface CallLogEntry {
  seq: number;
  at: string;
  api: FaultApi;
  method: string;
  /** Path without the query string, e.g. /v1.0/users/rob@contoso.com. */
  path: string;
  /** The raw query string without "?", or "". */
  query: string;
  /** Exchange only: the cmdlet in CmdletInput. */
  cmdlet: string | null;
  /** Exchange only: the cmdlet's Parameters (Graph bodies are never recorded: they can hold passwords). */
  parameters: Record<string, unknown> | null;
  /** Request headers worth asserting on (an allowlist: never Authorization). */
  headers: Record<string, string>;
  status: number;
  durationMs: number;
}

/** Headers the call log keeps; anything else (above all Authorization) is dropped. */
export const LOGGED_HEADERS = [
  'prefer',
  'x-anchormailbox',
  'x-cmdletname',
  'client-request-id',
  'retry-attempt',
  'consistencylevel',
  'content-type',
] as const;

const MAX_ENTRIES = 10_000;

export class CallLog {
  private entries: CallLogEntry[] = [];
  private seq = 0;

  record(entry: Omit<CallLogEntry, 'seq'>): void {
    this.entries.push({ seq: ++this.seq, ...entry });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
  }

  list(): CallLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  clear(): void {
    this.entries = [];
  }
}
