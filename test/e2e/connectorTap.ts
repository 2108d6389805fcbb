// A recording relay between Microsoft 365 Agents Playground and the bot, for tests that must see what the bot
// sends where the playground's page and WebSocket do not show it: the playground streams only the signed-in
// user's chats, and has no API that lists a conversation's messages. So the playground posts activities to
// this relay, which hands them to the bot with `serviceUrl` pointing back at the relay; the bot's replies,
// proactive messages and card updates then pass through here to the playground, and each one is recorded
// with the playground's answer (the message id it assigned). Both sides listen on 127.0.0.1 only.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  method: string;
  /** The path under the connector, e.g. /v3/conversations/{id}/activities. */
  path: string;
  /** From the path, when it names a conversation. */
  conversationId: string | undefined;
  /** From the path, when it names an activity: the one updated (PUT) or replied to (POST). */
  activityId: string | undefined;
  /** The activity (or other JSON) the bot sent. */
  body: unknown;
  status: number;
  /** The playground's JSON answer, e.g. {"id": "<message id>"} for a new message. */
  response: unknown;
}

const CONNECTOR_PREFIX = '/_connector';
const CONVERSATION_PATH = /^\/v3\/conversations\/([^/]+)(?:\/activities(?:\/([^/]+))?)?/;
const DEFAULT_WAIT_MS = 20_000;

export class ConnectorTap {
  readonly calls: ConnectorCall[] = [];
  private playgroundUrl: string | undefined;
  private listeners = new Set<() => void>();

  private constructor(
    private readonly server: http.Server,
    /** http://127.0.0.1:<port> */
    readonly url: string,
    private readonly botOrigin: string,
  ) {}

  /** Starts the relay in front of the bot at `botOrigin` (http://127.0.0.1:<port>). */
  static async start(botOrigin: string): Promise<ConnectorTap> {
    let tap: ConnectorTap | undefined;
    const server = http.createServer((req, res) => {
      tap?.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`connector tap: ${error instanceof Error ? error.message : String(error)}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    tap = new ConnectorTap(server, `http://127.0.0.1:${port}`, botOrigin);
    return tap;
  }

  /** Where the playground must send activities (its --app-endpoint). */
  get appEndpoint(): string {
    return `${this.url}/api/messages`;
  }

  /** The playground's own address, known once it has started. */
  connectTo(playgroundUrl: string): void {
    this.playgroundUrl = playgroundUrl;
  }

  /** Resolves with the first call, recorded so far or later, that `matches`. */
  async waitFor(
    matches: (call: ConnectorCall) => boolean,
    what: string,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<ConnectorCall> {
    const found = () => this.calls.find(matches);
    const already = found();
    if (already) return already;
    return new Promise<ConnectorCall>((resolve, reject) => {
      const check = () => {
        const call = found();
        if (!call) return;
        cleanup();
        resolve(call);
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.calls.map((c) => `${c.method} ${c.path} → ${c.status}`).join('\n');
        reject(new Error(`the bot did not send ${what} within ${timeoutMs} ms; it sent:\n${seen}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    if (path.startsWith(`${CONNECTOR_PREFIX}/`)) {
      if (!this.playgroundUrl) throw new Error('the playground has not started yet');
      const answer = await this.forward(req, `${this.playgroundUrl}${path}`, raw);
      this.record(req.method ?? 'GET', path.slice(CONNECTOR_PREFIX.length), raw, answer);
      this.reply(res, answer);
      return;
    }
    // An activity for the bot: replies must come back through here.
    let body = raw;
    if (raw) {
      const activity = JSON.parse(raw) as { serviceUrl?: unknown };
      if (typeof activity.serviceUrl === 'string') {
        body = JSON.stringify({ ...activity, serviceUrl: `${this.url}${CONNECTOR_PREFIX}` });
      }
    }
    this.reply(res, await this.forward(req, `${this.botOrigin}${path}`, body));
  }

  private async forward(req: http.IncomingMessage, target: string, body: string): Promise<Answer> {
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'authorization', 'accept']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const method = req.method ?? 'GET';
    const res = await fetch(target, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' || !body ? undefined : body,
    });
    return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
  }

  private reply(res: http.ServerResponse, answer: Answer): void {
    res.writeHead(answer.status, answer.contentType ? { 'content-type': answer.contentType } : {});
    res.end(answer.text);
  }

  private record(method: string, path: string, raw: string, answer: Answer): void {
    const match = CONVERSATION_PATH.exec(path);
    this.calls.push({
      method,
      path,
      conversationId: match?.[1] === undefined ? undefined : decodeURIComponent(match[1]),
      activityId: match?.[2] === undefined ? undefined : decodeURIComponent(match[2]),
      body: parseJson(raw),
      status: answer.status,
      response: parseJson(answer.text),
    });
    for (const listener of [...this.listeners]) listener();
  }
}

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
