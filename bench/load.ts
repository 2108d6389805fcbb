// Drives one bot with autocannon over loopback: POST /api/messages with the given bodies in turn, and
// measures each turn's latency from autocannon's own response events (sub-millisecond, unlike its histogram).
import autocannon from 'autocannon';

export interface LoadOptions {
  /** The bot's base URL, e.g. http://127.0.0.1:3978 */
  url: string;
  /** JSON bodies, sent round-robin across all connections. */
  bodies: string[];
  connections: number;
  /** Seconds to run, unless `amount` is given. */
  seconds?: number;
  /** Exactly this many requests. */
  amount?: number;
}

export interface LoadResult {
  requests: number;
  /** Completed 2xx turns per second. */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  non2xx: number;
  errors: number;
  seconds: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${options.url}/api/messages`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 5 }),
        timeout: 30,
        requests: [
          {
            setupRequest: (request) => {
              const body = options.bodies[next % options.bodies.length];
              next += 1;
              return { ...request, body };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const ok = result['2xx'];
  return {
    requests: result.requests.total,
    throughput: ok / result.duration,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    meanMs: latencies.reduce((sum, l) => sum + l, 0) / Math.max(1, latencies.length),
    non2xx: result.non2xx,
    errors: result.errors,
    seconds: result.duration,
  };
}
