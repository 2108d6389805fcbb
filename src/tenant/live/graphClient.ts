// A thin Graph API over @microsoft/microsoft-graph-client: builds the client for any base URL (Graph,
// sovereign clouds, the simulator), follows @odata.nextLink, and turns failures into TenantError.
import { Client, HTTPMessageHandler, TelemetryHandler } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import { TenantError } from '../../runbook/index.js';
import { graphTenantError } from './graphErrors.js';
import { BearerTokenHandler, GraphRetryHandler } from './graphMiddleware.js';
import type { RetryOptions, Sleep } from './retryPolicy.js';
import type { TokenSource } from './tokens.js';

export interface GraphApiOptions {
  /** e.g. https://graph.microsoft.com/v1.0 */
  graphBaseUrl: string;
  getToken: TokenSource;
  retry: RetryOptions;
  sleep: Sleep;
  random: () => number;
  logger: Logger;
}

/** Query options; values are sent URL-encoded. */
export type GraphQuery = Partial<Record<'$filter' | '$select' | '$top', string>>;

const MAX_PAGES = 50;

export class GraphApi {
  private readonly client: Client;
  private readonly base: string;
  private readonly getToken: TokenSource;

  constructor(options: GraphApiOptions) {
    this.getToken = options.getToken;
    const url = new URL(options.graphBaseUrl.replace(/\/+$/, ''));
    this.base = url.href.replace(/\/+$/, '');
    const segments = url.pathname.split('/').filter(Boolean);
    const version = segments.pop() ?? 'v1.0';
    const root = `${url.origin}/${segments.join('/')}`;
    this.client = Client.initWithMiddleware({
      middleware: [
        new BearerTokenHandler(options.getToken, url.origin),
        new GraphRetryHandler(options.retry, options.sleep, options.random, options.logger),
        new TelemetryHandler(),
        new HTTPMessageHandler(),
      ],
      baseUrl: root,
      defaultVersion: version,
      // The SDK only adds its telemetry/request-id headers for Graph hosts and these (platform-notes.md).
      ...(url.hostname === 'graph.microsoft.com' ? {} : { customHosts: new Set([url.hostname]) }),
    });
  }

  async get<T>(path: string, query: GraphQuery = {}): Promise<T> {
    return this.call(`GET ${path}`, () => this.client.api(withQuery(path, query)).get());
  }

  /** Every item of a collection, following @odata.nextLink (same origin only). */
  async getAll<T>(path: string, query: GraphQuery = {}): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = withQuery(path, query);
    for (let page = 0; next !== undefined; page++) {
      if (page >= MAX_PAGES)
        throw new TenantError('Unknown', `Graph GET ${path}: more than ${MAX_PAGES} pages`);
      const current: string = next;
      const body: { value?: T[]; '@odata.nextLink'?: string } = await this.call(`GET ${path}`, () =>
        this.client.api(current).get(),
      );
      items.push(...(body.value ?? []));
      next = body['@odata.nextLink'] === undefined ? undefined : this.relative(body['@odata.nextLink'], path);
    }
    return items;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return this.call(`POST ${path}`, () => this.client.api(path).post(body));
  }

  async patch(path: string, body: unknown): Promise<void> {
    await this.call(`PATCH ${path}`, () => this.client.api(path).patch(body));
  }

  private async call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    // Fail on credentials here, as a TenantError: inside the middleware chain the SDK would wrap the
    // failure into a status-less GraphError. The credential caches the token, so this costs nothing.
    await this.getToken();
    try {
      return await run();
    } catch (error) {
      throw graphTenantError(error, operation);
    }
  }

  /** A nextLink as a path under the base URL; links elsewhere are refused (the token goes with them). */
  private relative(nextLink: string, path: string): string {
    if (!nextLink.toLowerCase().startsWith(`${this.base.toLowerCase()}/`)) {
      throw new TenantError('Unknown', `Graph GET ${path}: @odata.nextLink points outside ${this.base}`);
    }
    return nextLink.slice(this.base.length);
  }
}

function withQuery(path: string, query: GraphQuery): string {
  const parts = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(value as string)}`);
  return parts.length === 0 ? path : `${path}?${parts.join('&')}`;
}
