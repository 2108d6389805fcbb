// Graph message trace within Microsoft's limits (messagetracingroot-list-messagetraces.md, ms.date
// 2026-01-27; m365-contracts.md §5.1):
// - "a throttling limit of 100 requests per 5 minutes", per tenant and shared with every other tool that
//   traces messages there: the bot spends at most its own share (MESSAGE_TRACE_CALLS_PER_5_MIN, half by
//   default) in any rolling 5 minutes;
// - a 429 means the tenant's budget is gone for everyone: no caller of this budget asks again before
//   Retry-After (or a whole window when Graph gives none), instead of each waiting request retrying alone;
// - the receivedDateTime window "must not exceed 10 days" and its end "must not be later than the current
//   date": windows are clamped to 10 days and end a little before this host's now, so a clock running
//   slightly ahead of Microsoft's never asks for the future.
// The budget is kept per process: run one worker, or give each worker process its share.
import { TenantError } from '../runbook/index.js';

export const GRAPH_MESSAGE_TRACE_LIMIT = { requests: 100, windowMs: 5 * 60 * 1000 } as const;
/** The bot's share by default: half, leaving the rest to admins and other tools in the tenant. */
export const DEFAULT_MESSAGE_TRACE_CALLS_PER_5_MIN = GRAPH_MESSAGE_TRACE_LIMIT.requests / 2;
/** The longest receivedDateTime window Graph accepts. */
export const MESSAGE_TRACE_MAX_WINDOW_MS = 10 * 24 * 3600 * 1000;
/** How far before this host's now a window ends: room for clock skew between this host and Microsoft. */
export const MESSAGE_TRACE_END_MARGIN_MS = 5000;

export interface TraceWindow {
  from: Date;
  to: Date;
}

/**
 * The window to trace a sender's messages since `since`: at most 10 days, ending a few seconds before
 * `now`; null when that leaves nothing to look at yet.
 */
export function traceWindow(since: Date, now: Date): TraceWindow | null {
  const to = now.getTime() - MESSAGE_TRACE_END_MARGIN_MS;
  const from = Math.max(since.getTime(), to - MESSAGE_TRACE_MAX_WINDOW_MS);
  return from < to ? { from: new Date(from), to: new Date(to) } : null;
}

export class MessageTraceBudget {
  private readonly calls: number[] = [];
  private pausedUntil = 0;
  private readonly callsPerWindow: number;

  constructor(
    private readonly options: {
      /** Calls allowed in any rolling 5 minutes (≤ Graph's 100). */
      callsPer5Min?: number;
      now: () => number;
    },
  ) {
    this.callsPerWindow = Math.min(
      options.callsPer5Min ?? DEFAULT_MESSAGE_TRACE_CALLS_PER_5_MIN,
      GRAPH_MESSAGE_TRACE_LIMIT.requests,
    );
  }

  /** Calls that may be made now: what is left of the rolling window, or 0 while backing off. */
  available(): number {
    const now = this.options.now();
    if (now < this.pausedUntil) return 0;
    while (this.calls.length > 0 && (this.calls[0] ?? 0) <= now - GRAPH_MESSAGE_TRACE_LIMIT.windowMs) {
      this.calls.shift();
    }
    return Math.max(0, this.callsPerWindow - this.calls.length);
  }

  /** Spends one call; false (nothing spent) when the budget is used up or Graph asked to back off. */
  take(): boolean {
    if (this.available() === 0) return false;
    this.calls.push(this.options.now());
    return true;
  }

  /**
   * True when `error` is Graph's 429 for message trace; then no call is made until its Retry-After (a
   * whole window when it gives none) has passed.
   */
  backsOffFor(error: unknown): boolean {
    if (!(error instanceof TenantError && error.code === 'Throttled')) return false;
    const wait = error.retryAfterMs ?? GRAPH_MESSAGE_TRACE_LIMIT.windowMs;
    this.pausedUntil = Math.max(this.pausedUntil, this.options.now() + wait);
    return true;
  }
}
