// The simulator's HTTP(S) front door: routes /v1.0 (Graph), /adminapi/beta (Exchange), /_sim (control) and
// /{tenant}/… (the sign-in authority's metadata and keys, signIn.ts), and applies, in order, what Microsoft applies to every API call: bearer authentication, app permissions
// (when tokens carry roles), throttling and outages (fault injection), then body validation. Every API call
// lands in the call log. A handler that throws answers 500 in the API's envelope; the process never
// crashes on a request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { Logger } from 'pino';
import { sendUnauthorized, type TokenVerdict, toVerdict } from './auth.js';
import { type CallLog, LOGGED_HEADERS } from './callLog.js';
import { handleControl, type SimulatorControl } from './control.js';
import { cmdletOf, handleExchange } from './exchange.js';
import type { FaultApi, FaultInjector } from './faults.js';
import { handleGraph } from './graph.js';
import {
  type ApiRequest,
  BadBodyError,
  bearerToken,
  parseJson,
  readBody,
  type Sent,
  sendExoError,
  sendGraphError,
  sendJson,
  sendText,
} from './http.js';
import { refuseWithoutPermission } from './permissions.js';
import type { SimulatedSignIn } from './signIn.js';
import type { TenantState } from './state.js';

/** Audiences the two APIs expect in their tokens. */
export type TokenAudience = 'https://graph.microsoft.com' | 'https://outlook.office365.com';
/**
 * A seam for token validation; the default accepts any bearer token. A verdict that carries `roles` also
 * turns on the per-route app permission checks (permissions.ts); a plain boolean does not.
 */
export type TokenValidator = (
  token: string,
  audience: TokenAudience,
) => boolean | TokenVerdict | Promise<boolean | TokenVerdict>;

/** PEM key and certificate chain to serve HTTPS with. */
export interface SimulatorTls {
  key: string | Buffer;
  cert: string | Buffer;
}

export interface ServerDeps {
  state: TenantState;
  callLog: CallLog;
  faults: FaultInjector;
  control: SimulatorControl;
  validateToken: TokenValidator;
  signIn: SimulatedSignIn;
  logger: Logger;
  origin: () => string;
  tls?: SimulatorTls | undefined;
}

const AUDIENCE: Record<FaultApi, TokenAudience> = {
  graph: 'https://graph.microsoft.com',
  exchange: 'https://outlook.office365.com',
};

export function createSimulatorServer(deps: ServerDeps): Server | HttpsServer {
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res, deps).catch((error: unknown) => {
      deps.logger.error({ err: error, method: req.method, url: req.url }, 'simulator handler failed');
      if (!res.headersSent)
        sendJson(res, 500, { error: { code: 'InternalServerError', message: 'Internal error.' } });
      else res.destroy();
    });
  };
  const server = deps.tls
    ? createHttpsServer({ key: deps.tls.key, cert: deps.tls.cert }, listener)
    : createServer(listener);
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  return server;
}

async function handle(req: IncomingMessage, res: ServerResponse, deps: ServerDeps): Promise<Sent> {
  const origin = deps.origin();
  const url = new URL(req.url ?? '/', origin);
  const path = url.pathname;
  const api: FaultApi | 'control' | null = path.startsWith('/_sim/')
    ? 'control'
    : path === '/v1.0' || path.startsWith('/v1.0/')
      ? 'graph'
      : path.startsWith('/adminapi/beta/')
        ? 'exchange'
        : null;
  if (api === null) {
    const authority = signInRequest(req, url, origin);
    const answered = authority ? deps.signIn.handle(authority, res) : null;
    return answered ?? sendJson(res, 404, { error: { code: 'NotFound', message: `No API at '${path}'.` } });
  }

  const root = api === 'control' ? '/_sim/' : api === 'graph' ? '/v1.0' : '/adminapi/beta/';
  let segments: string[];
  try {
    segments = path.slice(root.length).split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return sendJson(res, 400, { error: { code: 'BadRequest', message: 'Malformed path.' } });
  }
  let body: unknown;
  let bodyError: BadBodyError | null = null;
  try {
    body = parseJson(await readBody(req));
  } catch (error) {
    if (!(error instanceof BadBodyError)) throw error;
    bodyError = error;
    res.setHeader('connection', 'close');
  }
  const request: ApiRequest = {
    method: req.method ?? 'GET',
    url,
    segments,
    body,
    headers: req.headers,
    origin,
  };

  if (api === 'control') {
    if (bodyError) return sendJson(res, 400, { error: { code: 'BadRequest', message: bodyError.message } });
    return handleControl(request, res, deps.control);
  }
  logCall(request, res, api, deps);

  const token = bearerToken(req);
  if (token === null) return sendUnauthorized(res, api, 'missing');
  const verdict = toVerdict(await deps.validateToken(token, AUDIENCE[api]));
  if (!verdict.valid) return sendUnauthorized(res, api, verdict.reason);
  if (verdict.roles) {
    const refused = refuseWithoutPermission(
      res,
      api,
      {
        method: request.method,
        segments,
        cmdlet: api === 'exchange' ? (cmdletOf(request.body)?.name ?? null) : null,
      },
      { roles: verdict.roles, wids: verdict.wids ?? [], principalId: verdict.principalId },
      deps.state.exchangeRbac,
    );
    if (refused) return refused;
  }
  const fault = deps.faults.next(api, api === 'exchange' ? cmdletOf(request.body)?.name : null);
  if (fault) return injectFault(res, api, fault.status, fault.retryAfterSeconds);
  if (bodyError) return badBody(res, api, bodyError);
  if (api === 'graph')
    return handleGraph(request, res, deps.state, { maxPageSize: deps.control.settings().graphMaxPageSize });
  return handleExchange(request, res, deps.state, { maxPageSize: deps.control.settings().exoMaxPageSize });
}

/** The request as the sign-in authority reads it (GET only, no body); null for a malformed path. */
function signInRequest(req: IncomingMessage, url: URL, origin: string): ApiRequest | null {
  try {
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    return { method: req.method ?? 'GET', url, segments, body: undefined, headers: req.headers, origin };
  } catch {
    return null;
  }
}

function logCall(request: ApiRequest, res: ServerResponse, api: FaultApi, deps: ServerDeps): void {
  const started = performance.now();
  const cmdlet = api === 'exchange' ? cmdletOf(request.body) : null;
  res.on('finish', () => {
    deps.callLog.record({
      at: deps.state.now().toISOString(),
      api,
      method: request.method,
      path: request.url.pathname,
      query: request.url.search.replace(/^\?/, ''),
      cmdlet: cmdlet?.name ?? null,
      parameters: cmdlet?.parameters ?? null,
      headers: loggedHeaders(request.headers),
      status: res.statusCode,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    });
  });
}

function loggedHeaders(headers: ApiRequest['headers']): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of LOGGED_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') kept[name] = value;
  }
  return kept;
}

function injectFault(
  res: ServerResponse,
  api: FaultApi,
  status: 429 | 503,
  retryAfterSeconds: number | null,
): Sent {
  const headers: Record<string, string> =
    retryAfterSeconds === null ? {} : { 'retry-after': String(retryAfterSeconds) };
  if (api === 'graph') {
    if (status === 429) return sendGraphError(res, 429, 'TooManyRequests', 'Too many requests.', headers);
    return sendGraphError(
      res,
      503,
      'serviceNotAvailable',
      'Service unavailable. Please try again later.',
      headers,
    );
  }
  if (status === 429) {
    return sendExoError(
      res,
      429,
      {
        errorId: 'Ex7C1E0B',
        type: 'Microsoft.Exchange.Admin.OData.Core.ThrottlingException',
        message:
          'You have reached the maximum number of concurrent requests per tenant. Please wait and try again.',
      },
      headers,
    );
  }
  // Exchange's front door answers outages with a non-JSON body.
  return sendText(res, 503, 'Service Unavailable', headers);
}

function badBody(res: ServerResponse, api: FaultApi, error: BadBodyError): Sent {
  if (api === 'graph')
    return sendGraphError(res, 400, 'BadRequest', `Unable to read JSON request payload: ${error.message}.`);
  return sendExoError(res, 400, {
    errorId: 'Ex0A1B2C',
    type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException',
    message: `The request body could not be read: ${error.message}.`,
  });
}
