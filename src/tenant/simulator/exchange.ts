// Exchange Online admin REST (m365-contracts.md §2): POST /adminapi/beta/{tenant}/InvokeCommand with
// {"CmdletInput":{"CmdletName","Parameters"}}; rows come back as PascalCase objects in `value`, $select on
// the URL, `Prefer: odata.maxpagesize=N` paging with @odata.nextLink (re-POSTed with the same body), and
// errors in the "Invalid Operation" envelope of §2.4.
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { runCmdlet } from './cmdlets.js';
import { type ApiRequest, type ExoFailure, type Sent, sendExoError, sendJson, sendText } from './http.js';
import { PagingError, pageOf } from './paging.js';
import { SEED } from './seed.js';
import type { TenantState } from './state.js';

const cmdletInput = z.object({
  CmdletInput: z.object({
    CmdletName: z.string().min(1).max(128),
    Parameters: z.record(z.string(), z.unknown()).optional(),
  }),
});

export interface ExchangeSettings {
  /** Upper bound on rows per page, whatever the client's Prefer header asks for. */
  maxPageSize: number;
}

const TRUNCATION_WARNING =
  'WARNING: There are more results available than are currently displayed. To view them, follow the nextLink.';

/** The cmdlet named in a request body, for the call log (null when the body is not a CmdletInput). */
export function cmdletOf(body: unknown): { name: string; parameters: Record<string, unknown> } | null {
  const parsed = cmdletInput.safeParse(body);
  if (!parsed.success) return null;
  return { name: parsed.data.CmdletInput.CmdletName, parameters: parsed.data.CmdletInput.Parameters ?? {} };
}

export function handleExchange(
  req: ApiRequest,
  res: ServerResponse,
  state: TenantState,
  settings: ExchangeSettings,
): Sent {
  const [tenant, operation, ...rest] = req.segments;
  if (operation?.toLowerCase() !== 'invokecommand' || rest.length > 0 || tenant === undefined) {
    return sendText(res, 404, 'Not Found');
  }
  if (!isThisTenant(tenant))
    return sendExoError(res, 400, invalid(`The tenant '${tenant}' could not be found.`));
  if (req.method !== 'POST') return sendText(res, 405, 'Method Not Allowed', { allow: 'POST' });
  const input = cmdletOf(req.body);
  if (!input) return sendExoError(res, 400, invalid('The request body is not a valid CmdletInput.'));

  state.advance();
  const result = runCmdlet(input.name, input.parameters, state);
  if ('failure' in result) return sendExoError(res, 400, result.failure);

  let rows = result.rows;
  const select = req.url.searchParams.get('$select');
  if (select) rows = rows.map((row) => selectProperties(row, select));
  try {
    const page = pageOf(rows, req.url, Math.min(preferredPageSize(req), settings.maxPageSize));
    return sendJson(res, 200, {
      '@odata.context': `${req.origin}/adminapi/beta/${tenant}/$metadata#Collection(Exchange.GenericHashTable)`,
      'adminapi.warnings@odata.type': '#Collection(String)',
      '@adminapi.warnings': page.nextLink ? [TRUNCATION_WARNING] : [],
      ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
      value: page.value,
    });
  } catch (error) {
    if (error instanceof PagingError) return sendExoError(res, 400, invalid(error.message));
    throw error;
  }
}

function isThisTenant(tenant: string): boolean {
  const t = tenant.toLowerCase();
  return t === SEED.tenantId || t === SEED.tenantDomain || t === 'contoso.com';
}

function preferredPageSize(req: ApiRequest): number {
  const prefer = req.headers.prefer;
  const match = /odata\.maxpagesize\s*=\s*(\d{1,6})/i.exec(
    Array.isArray(prefer) ? prefer.join(',') : (prefer ?? ''),
  );
  const size = match?.[1] ? Number(match[1]) : 1000;
  return size > 0 ? size : 1000;
}

function selectProperties(row: Record<string, unknown>, select: string): Record<string, unknown> {
  const wanted = new Set(select.split(',').map((s) => s.trim().toLowerCase()));
  return Object.fromEntries(Object.entries(row).filter(([key]) => wanted.has(key.toLowerCase())));
}

export function invalid(message: string): ExoFailure {
  return { errorId: 'Ex0A1B2C', type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException', message };
}
