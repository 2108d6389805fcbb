// Graph message trace (messagetracingroot-list-messagetraces.md, ms.date 2026-01-27; m365-contracts.md §5.1):
// GET /admin/exchange/tracing/messageTraces with a $filter on senderAddress and both receivedDateTime
// bounds: at most 10 days apart, the start no more than 90 days ago, the end "not later than the current
// date" (no tolerance for a caller whose clock runs ahead); default window the last 48 h; $top 1–5000
// (default 1000) and @odata.nextLink paging. "This API has a throttling limit of 100 requests per 5
// minutes", per tenant and shared by every caller: the 101st call in a rolling 5 minutes gets 429 with
// Retry-After.
import type { ServerResponse } from 'node:http';
import { type ApiRequest, type Sent, sendGraphError, sendJson } from './http.js';
import { compileFilter, filterLiterals } from './odataFilter.js';
import { intOption, pageOf } from './paging.js';
import type { TenantState } from './state.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const TRACE_LIMIT = { requests: 100, windowMs: 5 * 60 * 1000 };
const TRACE_PROPERTIES = [
  'senderAddress',
  'recipientAddress',
  'receivedDateTime',
  'status',
  'messageId',
  'subject',
];

export function messageTraces(req: ApiRequest, res: ServerResponse, state: TenantState): Sent {
  const params = req.url.searchParams;
  const filter = params.get('$filter');
  const nowMs = state.now().getTime();
  if (!state.settings.messageTraceGranted) {
    // What Graph answers an app without ExchangeMessageTrace.Read.All.
    return sendGraphError(
      res,
      403,
      'Authorization_RequestDenied',
      'Insufficient privileges to complete the operation.',
    );
  }
  const retryAfterMs = state.takeTraceQuota(TRACE_LIMIT);
  if (retryAfterMs !== null) {
    return sendGraphError(
      res,
      429,
      'TooManyRequests',
      'Too many requests. The message trace limit of 100 requests per 5 minutes was exceeded.',
      { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
    );
  }
  const match = filter ? compileFilter(filter, TRACE_PROPERTIES) : () => true;
  const starts = filter ? filterLiterals(filter, 'receivedDateTime', 'ge') : [];
  const ends = filter ? filterLiterals(filter, 'receivedDateTime', 'le') : [];
  if (starts.length !== ends.length || starts.length > 1) {
    return sendGraphError(
      res,
      400,
      'BadRequest',
      'Both a start and an end receivedDateTime must be specified.',
    );
  }
  const start = starts[0] ? Date.parse(starts[0]) : nowMs - 2 * DAY_MS;
  const end = ends[0] ? Date.parse(ends[0]) : nowMs;
  if (Number.isNaN(start) || Number.isNaN(end) || start > end) {
    return sendGraphError(res, 400, 'BadRequest', 'Invalid receivedDateTime range.');
  }
  if (end - start > 10 * DAY_MS || start < nowMs - 90 * DAY_MS || end > nowMs) {
    return sendGraphError(
      res,
      400,
      'BadRequest',
      'The time range must be at most 10 days, start within the last 90 days and not end in the future.',
    );
  }
  const rows = state.messageTrace
    .filter((row) => {
      const at = Date.parse(row.receivedDateTime);
      return at >= start && at <= end && match({ ...row });
    })
    .sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));
  const page = pageOf(rows, req.url, intOption(params.get('$top'), 1, 5000, 1000));
  return sendJson(res, 200, {
    '@odata.context': `${req.origin}/v1.0/$metadata#admin/exchange/tracing/messageTraces`,
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    value: page.value,
  });
}
