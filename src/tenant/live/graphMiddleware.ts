// Two middlewares for the Graph client chain (auth → retry → HTTP).
// - BearerTokenHandler replaces the SDK's AuthenticationHandler, which only attaches the token to https
//   URLs of Graph hosts or `customHosts` (GraphRequestUtil.isValidEndpoint), so a plain-http simulator
//   never saw it. Ours sends the token to exactly one origin: the configured GRAPH_BASE_URL's.
// - GraphRetryHandler stands in the SDK RetryHandler's place with the same contract (429/503/504,
//   Retry-After in seconds or as an HTTP-date, not for streamed bodies, a Retry-Attempt header) but with
//   bounded waits, an injectable sleep (the SDK's is private, whole seconds, + up to 1 s of jitter) and a
//   log line per retry.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import {
  isRetryableStatus,
  parseRetryAfter,
  type RetryOptions,
  retryDelayMs,
  type Sleep,
} from './retryPolicy.js';
import type { TokenSource } from './tokens.js';

const MESSAGE_TRACE_PATH = /\/admin\/exchange\/tracing\/messageTraces$/i;

function requestUrl(context: Context): string {
  return typeof context.request === 'string' ? context.request : context.request.url;
}

function setHeader(context: Context, name: string, value: string): void {
  if (typeof Request !== 'undefined' && context.request instanceof Request) {
    context.request.headers.set(name, value);
    return;
  }
  context.options ??= {};
  const headers = context.options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else if (Array.isArray(headers)) headers.push([name, value]);
  else context.options.headers = { ...(headers as Record<string, string> | undefined), [name]: value };
}

function headerValue(context: Context, name: string): string | null {
  const headers = context.options?.headers;
  if (headers instanceof Headers) return headers.get(name);
  if (Array.isArray(headers))
    return headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? null;
  const record = (headers ?? {}) as Record<string, string>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : (record[key] ?? null);
}

abstract class ChainedMiddleware implements Middleware {
  private next: Middleware | undefined;

  setNext(next: Middleware): void {
    this.next = next;
  }

  protected forward(context: Context): Promise<void> {
    if (!this.next) throw new Error(`${this.constructor.name} is the last middleware in the Graph chain`);
    return this.next.execute(context);
  }

  abstract execute(context: Context): Promise<void>;
}

export class BearerTokenHandler extends ChainedMiddleware {
  constructor(
    private readonly getToken: TokenSource,
    private readonly origin: string,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    if (new URL(requestUrl(context)).origin === this.origin) {
      setHeader(context, 'Authorization', `Bearer ${await this.getToken()}`);
    }
    return this.forward(context);
  }
}

export class GraphRetryHandler extends ChainedMiddleware {
  constructor(
    private readonly options: RetryOptions,
    private readonly sleep: Sleep,
    private readonly random: () => number,
    private readonly logger: Logger,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    for (let retry = 1; ; retry++) {
      await this.forward(context);
      const response = context.response;
      if (!response || !isRetryableStatus(response.status) || retry > this.options.maxRetries) return;
      // Message trace's 100 requests per 5 minutes are the tenant's, not this call's: a retry would spend
      // more of them. Its caller backs off as a whole instead (src/tenant/messageTraceBudget.ts).
      if (response.status === 429 && MESSAGE_TRACE_PATH.test(new URL(requestUrl(context)).pathname)) return;
      if (headerValue(context, 'Content-Type') === 'application/octet-stream') return;
      const delay = retryDelayMs(
        retry,
        parseRetryAfter(response.headers.get('retry-after')),
        this.options,
        this.random,
      );
      if (delay === null) return;
      this.logger.warn(
        {
          api: 'graph',
          method: context.options?.method ?? 'GET',
          status: response.status,
          retry,
          delayMs: delay,
        },
        'Graph call throttled or unavailable; retrying',
      );
      // Free the connection before waiting; the body of a throttled response is not needed.
      await response.arrayBuffer();
      setHeader(context, 'Retry-Attempt', String(retry));
      await this.sleep(delay);
    }
  }
}
