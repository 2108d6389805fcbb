// Exchange Online admin REST client (m365-contracts.md §2): POST {exoBaseUrl}/{tenantId}/InvokeCommand with
// the headers of §2.1, every page of @odata.nextLink re-POSTed with the same body (§2.3), regional
// redirects followed with the token re-attached (§2.5), retries per retryPolicy.ts, errors per
// exchangeErrors.ts. Tokens never appear in logs or errors.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { TenantError } from '../../runbook/index.js';
import { exchangeTenantError } from './exchangeErrors.js';
import { type RetryOptions, retryDelayMs, type Sleep } from './retryPolicy.js';
import type { TokenSource } from './tokens.js';

export interface ExchangeClientOptions {
  /** e.g. https://outlook.office365.com/adminapi/beta */
  exoBaseUrl: string;
  tenantId: string;
  getToken: TokenSource;
  retry: RetryOptions;
  sleep: Sleep;
  random: () => number;
  logger: Logger;
  requestTimeoutMs?: number;
}

export type ExchangeRow = Record<string, unknown>;

const MAX_PAGES = 100;
const MAX_REDIRECTS = 3;
const PAGE_SIZE = 1000;

export class ExchangeClient {
  private readonly base: URL;
  private readonly anchor: string;

  constructor(private readonly options: ExchangeClientOptions) {
    this.base = new URL(options.exoBaseUrl.replace(/\/+$/, ''));
    // App-only calls are anchored on the tenant's system mailbox (CIPP, ExoHelper; §2.1).
    this.anchor = `APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@${options.tenantId}`;
  }

  /** Runs a cmdlet and returns every row of every page. */
  async invoke(
    cmdlet: string,
    parameters: Record<string, unknown> = {},
    select: string[] = [],
  ): Promise<ExchangeRow[]> {
    const body = JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } });
    let url = `${this.base.href}/${encodeURIComponent(this.options.tenantId)}/InvokeCommand`;
    if (select.length > 0) url += `?$select=${select.map(encodeURIComponent).join(',')}`;
    const rows: ExchangeRow[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await this.postWithRetry(url, body, cmdlet);
      rows.push(...readRows(result, cmdlet));
      const warnings = result['@adminapi.warnings'];
      if (Array.isArray(warnings) && warnings.length > 0)
        this.options.logger.debug({ cmdlet, warnings }, 'Exchange warnings');
      const next = result['@odata.nextLink'];
      if (typeof next !== 'string' || next === '') return rows;
      url = this.sameService(next, cmdlet);
    }
    throw new TenantError('Unknown', `Exchange ${cmdlet}: more than ${MAX_PAGES} pages`);
  }

  private async postWithRetry(url: string, body: string, cmdlet: string): Promise<Record<string, unknown>> {
    const { retry: policy, random, sleep, logger } = this.options;
    for (let retry = 1; ; retry++) {
      let error: TenantError;
      try {
        return await this.post(url, body, cmdlet);
      } catch (caught) {
        if (!(caught instanceof TenantError)) throw caught;
        error = caught;
      }
      if (!error.retryable || retry > policy.maxRetries) throw error;
      const delay = retryDelayMs(retry, error.retryAfterMs, policy, random);
      if (delay === null) throw error;
      logger.warn(
        { api: 'exchange', cmdlet, status: error.status, retry, delayMs: delay },
        'Exchange call failed; retrying',
      );
      await sleep(delay);
    }
  }

  private async post(url: string, body: string, cmdlet: string): Promise<Record<string, unknown>> {
    let target = url;
    for (let hop = 0; ; hop++) {
      const response = await this.fetchOnce(target, body, cmdlet);
      const location = response.headers.get('location');
      if ([301, 302, 307, 308].includes(response.status) && location && hop < MAX_REDIRECTS) {
        await response.arrayBuffer();
        target = this.redirectTarget(location, target, cmdlet);
        continue;
      }
      const text = await response.text();
      if (!response.ok) {
        throw exchangeTenantError(response.status, text, response.headers.get('retry-after'), cmdlet);
      }
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch (error) {
        throw new TenantError('Unknown', `Exchange ${cmdlet}: HTTP ${response.status} with a non-JSON body`, {
          status: response.status,
          cause: error,
        });
      }
    }
  }

  private async fetchOnce(url: string, body: string, cmdlet: string): Promise<Response> {
    const token = await this.options.getToken();
    try {
      return await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 120_000),
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json; charset=utf-8',
          Accept: 'application/json',
          'X-AnchorMailbox': this.anchor,
          Prefer: `odata.maxpagesize=${PAGE_SIZE}`,
          'X-CmdletName': cmdlet,
          'X-ResponseFormat': 'json',
          'X-ClientApplication': 'unblock-assistant',
          'client-request-id': randomUUID(),
        },
        body,
      });
    } catch (error) {
      // No HTTP response (refused, reset, timeout): transient.
      const reason = error instanceof Error ? error.name : 'error';
      throw new TenantError('Unavailable', `Exchange ${cmdlet}: no response (${reason})`, {
        cause: error,
        retryable: true,
      });
    }
  }

  /** Follows only links back to the configured service (the token goes with them). */
  private sameService(link: string, cmdlet: string): string {
    return this.trusted(new URL(link, this.base), cmdlet, '@odata.nextLink').href;
  }

  /** Regional redirects may name port 446; the service answers on the default port (§2.5). */
  private redirectTarget(location: string, from: string, cmdlet: string): string {
    const url = this.trusted(new URL(location, from), cmdlet, 'redirect');
    if (url.port === '446') url.port = '';
    return url.href;
  }

  /** The configured host, or an https Exchange Online host; anything else would receive our token. */
  private trusted(url: URL, cmdlet: string, what: string): URL {
    const sameHost = url.hostname === this.base.hostname && url.protocol === this.base.protocol;
    const exchangeOnline = url.protocol === 'https:' && /(^|\.)(office365|outlook)\.com$/i.test(url.hostname);
    if (!sameHost && !exchangeOnline) {
      throw new TenantError('Unknown', `Exchange ${cmdlet}: refusing a ${what} to ${url.origin}`);
    }
    return url;
  }
}

function readRows(result: Record<string, unknown>, cmdlet: string): ExchangeRow[] {
  const value = result.value;
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value))
    throw new TenantError('Unknown', `Exchange ${cmdlet}: response has no value array`);
  return value.filter((row): row is ExchangeRow => typeof row === 'object' && row !== null);
}
