// A fake Bot Framework connector (the Teams service the bot replies to): records every activity the bot
// sends or updates, so tests can assert on replies, proactive messages and card updates.
//
// Channels behave as in Teams: a channel conversation id carries its thread's root post
// ("19:…@thread.tacv2;messageid=<root>"), so an activity sent to it is a reply in that thread; a new post
// (a thread of its own) is made with POST /v3/conversations {isGroup: true, channelData: {channel: {id}},
// activity}, answered 201 {id: "<channel>;messageid=<new id>", activityId: "<new id>"}; without an activity,
// or for a group chat, Teams answers 400 BadSyntax "Incorrect conversation creation parameters"
// (microsoft/teams.net docs/CreateConversation-API-Behavior.md, captured against Teams on 2026-04-17).
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedActivity {
  method: 'POST' | 'PUT' | 'DELETE';
  /** For a channel: the channel id, without the thread (see `threadRoot`). */
  conversationId: string;
  /**
   * In a channel, the root post of the thread this activity is in: its own id for a new post
   * (POST /v3/conversations), the thread's root for a reply or an update; null outside channels.
   */
  threadRoot: string | null;
  /** True for a new post started with POST /v3/conversations. */
  newConversation: boolean;
  /** The activity replied to (POST …/activities/{id}) or updated (PUT …/activities/{id}). */
  activityId: string | null;
  /** The id the connector assigned (POST) or kept (PUT). */
  assignedId: string;
  authorization: string | undefined;
  activity: Record<string, unknown>;
}

/** Lets a test answer a send with an error instead of success (429, 403 …); null = succeed. */
/** How Teams answers a send instead of accepting it; `activity` is what the bot sent. */
export type ConnectorFault = (
  conversationId: string,
  method: string,
  activity: Record<string, unknown>,
) => { status: number; headers?: Record<string, string>; body?: unknown } | null;

export class FakeConnector {
  readonly activities: RecordedActivity[] = [];
  /** Every attempt, including refused ones. */
  readonly attempts: { conversationId: string; method: string; status: number }[] = [];
  fault: ConnectorFault | null = null;
  private nextMessageId = 1_776_390_257_332;
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
      if (req.url === '/v3/conversations' && req.method === 'POST') {
        this.createConversation(chunks, req, res);
        return;
      }
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
      if (!match || !req.method || !['POST', 'PUT', 'DELETE'].includes(req.method)) {
        // restify patches http.ServerResponse in this process: writeHead does not return `res`.
        res.writeHead(404);
        res.end();
        return;
      }
      const { channel, root } = splitThread(decodeURIComponent(match[1] ?? ''));
      const conversationId = channel;
      const activityId = match[2] ? decodeURIComponent(match[2]) : null;
      const body = chunks.length
        ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
        : {};
      const refusal = this.fault?.(conversationId, req.method, body);
      this.attempts.push({ conversationId, method: req.method, status: refusal?.status ?? 200 });
      if (refusal) {
        res.writeHead(refusal.status, { 'content-type': 'application/json', ...refusal.headers });
        res.end(
          JSON.stringify(refusal.body ?? { error: { code: 'Refused', message: 'refused by the test' } }),
        );
        return;
      }
      const assignedId = req.method === 'PUT' && activityId ? activityId : `activity-${randomUUID()}`;
      const recorded: RecordedActivity = {
        method: req.method as RecordedActivity['method'],
        conversationId,
        threadRoot: root,
        newConversation: false,
        activityId,
        assignedId,
        authorization: req.headers.authorization,
        activity: body,
      };
      this.record(recorded);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: assignedId }));
    });
  }

  /** POST /v3/conversations: a new post in a channel (1:1 chats are not needed by these tests). */
  private createConversation(chunks: Buffer[], req: http.IncomingMessage, res: http.ServerResponse): void {
    const body = chunks.length
      ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
      : {};
    const channelId = (body.channelData as { channel?: { id?: unknown } } | undefined)?.channel?.id;
    const activity = body.activity as Record<string, unknown> | undefined;
    const refusal =
      typeof channelId === 'string'
        ? this.fault?.(channelId, 'POST /v3/conversations', activity ?? {})
        : null;
    const status = refusal?.status ?? (body.isGroup === true && channelId && activity ? 201 : 400);
    this.attempts.push({ conversationId: String(channelId), method: 'POST /v3/conversations', status });
    if (refusal || status === 400) {
      res.writeHead(status, { 'content-type': 'application/json', ...refusal?.headers });
      res.end(
        JSON.stringify(
          refusal?.body ?? {
            error: { code: 'BadSyntax', message: 'Incorrect conversation creation parameters' },
          },
        ),
      );
      return;
    }
    // Teams' message ids are millisecond timestamps; a counter keeps them unique within a test.
    const root = String(this.nextMessageId++);
    this.record({
      method: 'POST',
      conversationId: String(channelId),
      threadRoot: root,
      newConversation: true,
      activityId: null,
      assignedId: root,
      authorization: req.headers.authorization,
      activity: activity ?? {},
    });
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `${String(channelId)};messageid=${root}`, activityId: root }));
  }

  private record(recorded: RecordedActivity): void {
    this.activities.push(recorded);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(recorded)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(recorded);
      }
    }
  }
}

/** "19:…@thread.tacv2;messageid=123" → the channel and the thread's root post; other ids are left whole. */
export function splitThread(conversationId: string): { channel: string; root: string | null } {
  const match = /^(.*);messageid=([^;]+)$/.exec(conversationId);
  return match
    ? { channel: match[1] ?? '', root: match[2] ?? null }
    : { channel: conversationId, root: null };
}
