// One retry policy for Graph and Exchange: retry 429/503/504 a bounded number of times, waiting what
// Retry-After says (seconds or HTTP-date) and otherwise backing off exponentially with jitter
// (m365-contracts.md §2.5, §3.6). A Retry-After longer than maxDelayMs is not waited for here: the call
// fails with the wait attached (TenantError.retryAfterMs) so a worker can reschedule instead of blocking.

export interface RetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** First back-off when the server sends no Retry-After; doubles per retry. */
  baseDelayMs: number;
  /** Longest single wait. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 30_000 };

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 503 || status === 504;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before retry number `retry` (1-based): the server's Retry-After when given, else
 * exponential back-off with "equal jitter" (half fixed, half random). Null when the server asks for
 * longer than maxDelayMs.
 */
export function retryDelayMs(
  retry: number,
  retryAfterMs: number | undefined,
  options: RetryOptions,
  random: () => number,
): number | null {
  if (retryAfterMs !== undefined) return retryAfterMs > options.maxDelayMs ? null : retryAfterMs;
  return backoffMs(retry, options, random);
}

/**
 * Exponential back-off with "equal jitter" (AWS Architecture Blog, "Exponential Backoff and Jitter"): the
 * ceiling doubles per attempt up to maxDelayMs, and the wait is half the ceiling plus a random half, so
 * retries spread out but never come back at once. The one back-off of the app: HTTP retries here, job
 * retries in the worker.
 */
export function backoffMs(
  attempt: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>,
  random: () => number,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
