// Builds the Graph and Exchange clients (and their token sources) from the live settings, so the gateway
// and the deployment probe talk to Microsoft 365 through exactly the same code.
import type { TokenCredential } from '@azure/identity';
import pino, { type Logger } from 'pino';
import { ExchangeClient } from './exchangeClient.js';
import { GraphApi } from './graphClient.js';
import { DEFAULT_RETRY, type RetryOptions, realSleep, type Sleep } from './retryPolicy.js';
import { EXCHANGE_SCOPE, GRAPH_SCOPE, type TokenSource, tokenSource } from './tokens.js';

export interface LiveTenantOptions {
  /** e.g. https://graph.microsoft.com/v1.0 */
  graphBaseUrl: string;
  /** e.g. https://outlook.office365.com/adminapi/beta */
  exoBaseUrl: string;
  /** The Entra tenant id (GUID) or its *.onmicrosoft.com domain. */
  tenantId: string;
  credential: TokenCredential;
  logger?: Logger;
  retry?: Partial<RetryOptions>;
  /** Injectable for tests: record the requested waits instead of waiting. */
  sleep?: Sleep;
  /** Jitter source. Default Math.random. */
  random?: () => number;
}

export interface LiveClients {
  graph: GraphApi;
  exchange: ExchangeClient;
  graphToken: TokenSource;
  exchangeToken: TokenSource;
}

export function createLiveClients(options: LiveTenantOptions): LiveClients {
  const shared = {
    retry: { ...DEFAULT_RETRY, ...options.retry },
    sleep: options.sleep ?? realSleep,
    random: options.random ?? Math.random,
    logger: options.logger ?? pino({ enabled: false }),
  };
  const graphToken = tokenSource(options.credential, GRAPH_SCOPE);
  const exchangeToken = tokenSource(options.credential, EXCHANGE_SCOPE);
  return {
    graph: new GraphApi({ ...shared, graphBaseUrl: options.graphBaseUrl, getToken: graphToken }),
    exchange: new ExchangeClient({
      ...shared,
      exoBaseUrl: options.exoBaseUrl,
      tenantId: options.tenantId,
      getToken: exchangeToken,
    }),
    graphToken,
    exchangeToken,
  };
}
