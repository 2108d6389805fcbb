// Small HTTP plumbing shared by the simulator's routes: bounded body reading and the two error envelopes
// Microsoft uses (Graph: concepts/errors.md; Exchange admin REST: m365-contracts.md §2.4).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

/** What every responder returns, so a route can end with `return sendJson(…)`. */
export type Sent = { readonly sent: true };
const SENT: Sent = { sent: true };

export class BadBodyError extends Error {
  override readonly name = 'BadBodyError';
}

/** Reads the whole body, refusing more than `limit` bytes (the rest is not read; the socket is closed). */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw new BadBodyError(`body of ${declared} bytes exceeds ${limit}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new BadBodyError(`body exceeds ${limit} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body; an empty body is `undefined`, malformed JSON throws BadBodyError. */
export function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new BadBodyError('malformed JSON');
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Sent {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
  return SENT;
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): Sent {
  res.writeHead(status, { 'content-length': 0, ...headers });
  res.end();
  return SENT;
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): Sent {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
  return SENT;
}

/** Graph's error envelope: {"error":{"code","message","innerError":{"request-id","date"}}}. */
export function sendGraphError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): Sent {
  const requestId = randomUUID();
  const date = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  return sendJson(
    res,
    status,
    {
      error: { code, message, innerError: { date, 'request-id': requestId, 'client-request-id': requestId } },
    },
    { 'request-id': requestId, ...headers },
  );
}

export interface ExoFailure {
  /** Exchange's short error id, e.g. "Ex6F9304". */
  errorId: string;
  /** .NET exception type, e.g. Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException. */
  type: string;
  message: string;
}

/** Exchange admin REST error: error.message is always "Invalid Operation"; the text is in the inner parts. */
export function sendExoError(
  res: ServerResponse,
  status: number,
  failure: ExoFailure,
  headers: Record<string, string> = {},
): Sent {
  return sendJson(
    res,
    status,
    {
      error: {
        code: status === 400 ? 'BadRequest' : String(status),
        message: 'Invalid Operation',
        details: [
          { code: 'Client', target: '', message: `${failure.errorId}|${failure.type}|${failure.message}` },
        ],
        innererror: {
          message: 'Invalid Operation',
          type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException',
          internalexception: { message: failure.message, type: failure.type },
        },
      },
    },
    headers,
  );
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/** A parsed request to one of the simulated Microsoft APIs. */
export interface ApiRequest {
  method: string;
  url: URL;
  /** Decoded path segments after the API root (after /v1.0, or after /adminapi/beta). */
  segments: string[];
  /** The parsed JSON body, or undefined when empty. */
  body: unknown;
  headers: IncomingMessage['headers'];
  /** The simulator's origin, e.g. http://127.0.0.1:51234, for @odata links. */
  origin: string;
}
