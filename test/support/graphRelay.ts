// The simulated tenant as the bot sees it when Microsoft Graph answers some request otherwise than the
// simulator does (what Graph puts in an answer is not always documented): a relay on 127.0.0.1 passes every
// Graph request on to the simulator and lets the test rewrite the answers it names. Exchange is reached
// directly.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import {
  createLiveTenantGateway,
  SEED,
  StaticTokenCredential,
  type TenantGateway,
  type TenantSimulator,
} from '../../src/tenant/index.js';

/** Rewrites the body of a successful answer to `path`; returns it unchanged when it is not one to rewrite. */
export type GraphRewrite = (path: string, body: string) => string;

export async function tenantWithGraphRelay(
  simulator: TenantSimulator,
  logger: Logger,
  rewrite: GraphRewrite,
): Promise<{ tenant: TenantGateway; close(): Promise<void> }> {
  async function relay(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
        headers[name] = value;
    const url = new URL(req.url ?? '/', simulator.baseUrl);
    const answer = await fetch(url, {
      method: req.method,
      headers,
      body: chunks.length > 0 ? Buffer.concat(chunks) : undefined,
    });
    const body = await answer.text();
    res.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    });
    res.end(answer.ok ? rewrite(url.pathname, body) : body);
  }
  const server = createServer((req, res) => {
    relay(req, res).catch((error: unknown) => {
      res.writeHead(502);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const tenant = createLiveTenantGateway({
    graphBaseUrl: `http://127.0.0.1:${port}/v1.0`,
    exoBaseUrl: simulator.exoBaseUrl,
    tenantId: SEED.tenantId,
    credential: new StaticTokenCredential('test'),
    logger,
  });
  return {
    tenant,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
