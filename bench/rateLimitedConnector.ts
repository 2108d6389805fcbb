// A fake Bot Framework connector that enforces Teams' proactive rate limits the way the service does:
// sliding windows per conversation and across conversations, answering 429 with Retry-After: 1 to anything
// faster (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit). Only accepted sends
// count towards a window. Records every accepted activity, so a test can check that each arrived once.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface RateWindow {
  count: number;
  perMs: number;
}

/** Per bot per conversation (the documented "per thread" limits). */
export const TEAMS_CONVERSATION_LIMITS: RateWindow[] = [
  { count: 7, perMs: 1000 },
  { count: 8, perMs: 2000 },
  { count: 60, perMs: 30_000 },
  { count: 1800, perMs: 3_600_000 },
];
/** Per bot across all conversations. */
export const TEAMS_GLOBAL_LIMITS: RateWindow[] = [{ count: 50, perMs: 1000 }];

class SlidingWindows {
  private readonly times: number[] = [];
  private readonly horizon: number;
  constructor(private readonly windows: RateWindow[]) {
    this.horizon = Math.max(...windows.map((w) => w.perMs));
  }

  fits(now: number): boolean {
    while (this.times.length > 0 && (this.times[0] ?? 0) <= now - this.horizon) this.times.shift();
    return this.windows.every(({ count, perMs }) => {
      let inWindow = 0;
      for (let i = this.times.length - 1; i >= 0 && (this.times[i] ?? 0) > now - perMs; i--) inWindow += 1;
      return inWindow < count;
    });
  }

  record(now: number): void {
    this.times.push(now);
  }
}

export interface AcceptedActivity {
  conversationId: string;
  at: number;
  body: string;
}

export class RateLimitedConnector {
  readonly accepted: AcceptedActivity[] = [];
  throttled = 0;
  url = '';
  private readonly conversations = new Map<string, SlidingWindows>();
  private readonly global = new SlidingWindows(TEAMS_GLOBAL_LIMITS);
  private server: http.Server | null = null;

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(req.url ?? '');
      if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
        // restify, loaded in this process by the app, patches ServerResponse: writeHead does not chain.
        res.writeHead(404);
        res.end();
        return;
      }
      const conversationId = decodeURIComponent(match[1] ?? '');
      const now = performance.now();
      let windows = this.conversations.get(conversationId);
      if (!windows) {
        windows = new SlidingWindows(TEAMS_CONVERSATION_LIMITS);
        this.conversations.set(conversationId, windows);
      }
      if (!windows.fits(now) || !this.global.fits(now)) {
        this.throttled += 1;
        res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Too many requests' } }));
        return;
      }
      windows.record(now);
      this.global.record(now);
      this.accepted.push({ conversationId, at: now, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${this.accepted.length}` }));
    });
  }
}

/**
 * The least time `perConversation` sends to each of `conversations` can take under the limits: for every
 * window, the sends it governs divided by its rate. The largest bound wins (with 1,000 sends across 200
 * conversations that is the global cap: 1000 / 50 per s = 20 s).
 */
export function rateLimitMinimumMs(conversations: number, perConversation: number): number {
  const total = conversations * perConversation;
  const bounds = [
    ...TEAMS_GLOBAL_LIMITS.map(({ count, perMs }) => (total * perMs) / count),
    ...TEAMS_CONVERSATION_LIMITS.map(({ count, perMs }) => (perConversation * perMs) / count),
  ];
  return Math.max(...bounds);
}
