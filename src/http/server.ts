// The HTTP endpoint: POST /api/messages for Teams, GET /healthz (process up), GET /readyz (store and tenant
// reachable), and the routes other parts hand it (the Requests tab's pages and API). Built without
// listening so tests can start it on a free port.
import type { Logger } from 'pino';
import restify, { type Request, type Response } from 'restify';

export interface HttpDeps {
  maxBodyBytes: number;
  logger: Logger;
  /** Absent in a worker-only process, which serves its health endpoints alone. */
  messages?: {
    handle(
      body: unknown,
      headers: Record<string, string | string[] | undefined>,
    ): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }>;
  };
  /** Each check throws when its dependency is unreachable. */
  readiness: Record<string, () => Promise<void>>;
  /** More routes, framework-free (the Requests tab: src/tab/routes.ts). */
  routes?: readonly WebRoute[];
}

export interface WebRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  isJson: boolean;
}

export interface WebReply {
  status: number;
  headers?: Record<string, string>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as is, with the reply's headers. */
  raw?: Buffer | string;
}

export interface WebRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(request: WebRequest): Promise<WebReply>;
}

export interface HttpServer {
  listen(port: number, host: string): Promise<{ port: number; url: string }>;
  /** Stops accepting connections and waits for requests in flight (at most `graceMs`). */
  close(graceMs?: number): Promise<void>;
}

export function createHttpServer(deps: HttpDeps): HttpServer {
  const logger = deps.logger.child({ component: 'http' });
  const server = restify.createServer({ name: 'unblock-assistant', handleUncaughtExceptions: false });
  let inFlight = 0;
  let drained: (() => void) | null = null;

  server.use((_req, res, next) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0 && drained) drained();
    });
    next();
  });
  server.use(
    restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes, mapParams: false, rejectUnknown: true }),
  );

  server.post('/api/messages', async (req: Request, res: Response) => {
    const { messages } = deps;
    if (!messages) {
      res.send(404, { error: 'NotFound', message: 'This process runs the worker only.' });
      return;
    }
    if (!req.is('json')) {
      res.send(415, { error: 'UnsupportedMediaType', message: 'Send the activity as application/json.' });
      return;
    }
    try {
      const reply = await messages.handle(req.body, req.headers);
      for (const [name, value] of Object.entries(reply.headers ?? {})) res.header(name, value);
      if (reply.body === undefined) res.send(reply.status);
      else res.send(reply.status, reply.body);
    } catch (error) {
      logger.error({ err: error }, 'unhandled error in /api/messages');
      res.send(500, { error: 'InternalError' });
    }
  });

  for (const route of deps.routes ?? []) {
    const mount = route.method === 'GET' ? server.get.bind(server) : server.post.bind(server);
    mount(route.path, async (req: Request, res: Response) => {
      let reply: WebReply;
      try {
        reply = await route.handle({
          params: { ...(req.params as Record<string, string>) },
          query: new URL(req.url ?? '/', 'http://localhost').searchParams,
          headers: req.headers,
          body: req.body,
          isJson: Boolean(req.is('json')),
        });
      } catch (error) {
        logger.error({ err: error, path: route.path }, 'unhandled error in a route');
        reply = {
          status: 500,
          json: { error: 'InternalError', message: 'Something went wrong; try again.' },
        };
      }
      sendReply(res, reply);
    });
  }

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const results = await Promise.all(
      Object.entries(deps.readiness).map(async ([name, check]) => {
        try {
          await check();
          return [name, 'ok'] as const;
        } catch (error) {
          logger.warn({ err: error, check: name }, 'readiness check failed');
          return [name, 'unavailable'] as const;
        }
      }),
    );
    const ready = results.every(([, status]) => status === 'ok');
    res.send(ready ? 200 : 503, {
      status: ready ? 'ready' : 'not ready',
      checks: Object.fromEntries(results),
    });
  });

  // restify's own errors (bad JSON, body too large, unknown route) go out as its 4xx; log them once.
  server.on(
    'restifyError',
    (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
      logger.info({ path: req.path(), status: err.statusCode, error: err.name }, 'request refused');
      callback();
    },
  );

  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve({ port: address.port, url: `http://${host}:${address.port}` });
        });
      });
    },
    async close(graceMs = 10_000) {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => {
            drained = resolve;
          }),
          new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
      }
      server.server.closeIdleConnections?.();
      await Promise.race([stopped, new Promise<void>((resolve) => setTimeout(resolve, 1000).unref())]);
    },
  };
}

function sendReply(res: Response, reply: WebReply): void {
  if (reply.raw !== undefined) {
    const body = typeof reply.raw === 'string' ? Buffer.from(reply.raw) : reply.raw;
    res.writeHead(reply.status, { ...reply.headers, 'content-length': body.length });
    res.end(body);
    return;
  }
  const body = reply.json === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(reply.json));
  res.writeHead(reply.status, {
    ...(reply.json === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    ...reply.headers,
    'content-length': body.length,
  });
  res.end(body);
}
