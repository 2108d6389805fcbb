// A fake Bot Framework connector (the Teams service the bot replies to): records every activity the bot
// sends or updates, so tests can assert on replies, proactive messages and card updates.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedActivity {
  method: 'POST' | 'PUT' | 'DELETE';
  conversationId: string;
  /** The activity replied to (POST …/activities/{id}) or updated (PUT …/activities/{id}). */
  activityId: string | null;
  /** The id the connector assigned (POST) or kept (PUT). */
  assignedId: string;
  authorization: string | undefined;
  activity: Record<string, unknown>;
}

/** Lets a test answer a send with an error instead of success (429, 403 …); null = succeed. */
export type ConnectorFault = (
  conversationId: string,
  method: string,
) => { status: number; headers?: Record<string, string>; body?: unknown } | null;

export class FakeConnector {
  readonly activities: RecordedActivity[] = [];
  /** Every attempt, including refused ones. */
  readonly attempts: { conversationId: string; method: string; status: number }[] = [];
  fault: ConnectorFault | null = null;
  private server: http.Server | null = null;
  private waiters: { predicate: (a: RecordedActivity) => boolean; resolve: (a: RecordedActivity) => void }[] =
    [];
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** Resolves with the first recorded activity (past or future) matching the predicate. */
  waitFor(predicate: (a: RecordedActivity) => boolean, timeoutMs = 10_000): Promise<RecordedActivity> {
    const seen = this.activities.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('timed out waiting for an activity at the fake connector')),
        timeoutMs,
      );
      this.waiters.push({
        predicate,
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      });
    });
  }

  clear(): void {
    this.activities.length = 0;
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
      if (!match || !req.method || !['POST', 'PUT', 'DELETE'].includes(req.method)) {
        // restify patches http.ServerResponse in this process: writeHead does not return `res`.
        res.writeHead(404);
        res.end();
        return;
      }
      const conversationId = decodeURIComponent(match[1] ?? '');
      const activityId = match[2] ? decodeURIComponent(match[2]) : null;
      const refusal = this.fault?.(conversationId, req.method);
      this.attempts.push({ conversationId, method: req.method, status: refusal?.status ?? 200 });
      if (refusal) {
        res.writeHead(refusal.status, { 'content-type': 'application/json', ...refusal.headers });
        res.end(
          JSON.stringify(refusal.body ?? { error: { code: 'Refused', message: 'refused by the test' } }),
        );
        return;
      }
      const body = chunks.length
        ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
        : {};
      const assignedId = req.method === 'PUT' && activityId ? activityId : `activity-${randomUUID()}`;
      const recorded: RecordedActivity = {
        method: req.method as RecordedActivity['method'],
        conversationId,
        activityId,
        assignedId,
        authorization: req.headers.authorization,
        activity: body,
      };
      this.activities.push(recorded);
      for (const waiter of [...this.waiters]) {
        if (waiter.predicate(recorded)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(recorded);
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: assignedId }));
    });
  }
}
