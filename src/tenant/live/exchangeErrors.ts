// Reads Exchange admin REST failures (m365-contracts.md §2.4): error.message is always "Invalid
// Operation", so the useful text comes from innererror.internalexception.message, then details[0].message
// ("Code|Type|Message"), then error.message. Some 403s have a body of NUL bytes; throttling may show up
// only as a sentence in the body (§2.5).
import { TenantError, type TenantErrorCode } from '../../runbook/index.js';
import { parseRetryAfter } from './retryPolicy.js';

export interface ExchangeErrorDetail {
  message: string;
  /** .NET exception type when the envelope names one. */
  type: string | null;
}

const THROTTLED_TEXT = /maximum number of concurrent requests|too many requests|throttl/i;
const NOT_FOUND_TYPE = /ManagementObjectNotFoundException/;
const NOT_FOUND_TEXT = /couldn't be found|could not be found|wasn't found/i;
/** The wording is undocumented; Microsoft says only "you get an error, and you need to contact Microsoft Support". */
const UNBLOCK_LIMIT_TEXT =
  /unblock limit|limit .*(exceeded|reached)|exceeded .*limit|contact Microsoft Support/i;
const UNBLOCK_LIMIT_TYPE = /UnblockLimit/i;
/**
 * Exchange's RBAC hides the cmdlets outside a caller's roles, so a role group without the cmdlet answers
 * as if it did not exist (the exact REST answer is UNCONFIRMED; this is PowerShell's wording).
 */
const CMDLET_HIDDEN_TYPE = /CommandNotFoundException/;
const CMDLET_HIDDEN_TEXT = /is not recognized as (a|the) name of a cmdlet/i;

/** The most useful message and type in an Exchange error body, per §2.4's precedence; null when unreadable. */
export function readExchangeError(body: string): ExchangeErrorDetail | null {
  const text = body.replaceAll('\u0000', '').trim();
  if (text === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { message: text.slice(0, 300), type: null };
  }
  const error = (json as { error?: Record<string, unknown> } | null)?.error;
  if (!error || typeof error !== 'object') return null;
  const inner = (
    error.innererror as { internalexception?: { message?: unknown; type?: unknown } } | undefined
  )?.internalexception;
  if (typeof inner?.message === 'string' && inner.message !== '') {
    return { message: inner.message, type: typeof inner.type === 'string' ? inner.type : null };
  }
  const detail = (error.details as Array<{ message?: unknown }> | undefined)?.[0]?.message;
  if (typeof detail === 'string' && detail !== '') {
    const [, type, ...rest] = detail.split('|');
    return rest.length > 0
      ? { message: rest.join('|'), type: type || null }
      : { message: detail, type: null };
  }
  return typeof error.message === 'string' ? { message: error.message, type: null } : null;
}

/** The TenantError for a failed InvokeCommand. */
export function exchangeTenantError(
  status: number,
  body: string,
  retryAfter: string | null,
  cmdlet: string,
  now = Date.now(),
): TenantError {
  const detail = readExchangeError(body);
  const text = detail?.message ?? `(no readable body, ${body.length} bytes)`;
  const code = codeFor(status, detail);
  const retryAfterMs = parseRetryAfter(retryAfter, now);
  const hint =
    code === 'Forbidden'
      ? ` (check Exchange.ManageAsApp consent, and that the app's Exchange role group or the Exchange Administrator role allows ${cmdlet}: docs/setup.md)`
      : '';
  return new TenantError(code, `Exchange ${cmdlet} failed: HTTP ${status}: ${text.slice(0, 500)}${hint}`, {
    status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(code === 'UnblockLimitReached' ? { retryable: false } : {}),
  });
}

function codeFor(status: number, detail: ExchangeErrorDetail | null): TenantErrorCode {
  const message = detail?.message ?? '';
  if (status === 429 || THROTTLED_TEXT.test(message)) return 'Throttled';
  if (status === 502 || status === 503 || status === 504) return 'Unavailable';
  if (status === 401) return 'Unauthorized';
  if (status === 403) return 'Forbidden';
  if (CMDLET_HIDDEN_TYPE.test(detail?.type ?? '') || CMDLET_HIDDEN_TEXT.test(message)) return 'Forbidden';
  if (UNBLOCK_LIMIT_TYPE.test(detail?.type ?? '') || UNBLOCK_LIMIT_TEXT.test(message))
    return 'UnblockLimitReached';
  if (NOT_FOUND_TYPE.test(detail?.type ?? '') || NOT_FOUND_TEXT.test(message)) return 'NotFound';
  // A bare 404 means a wrong EXO_BASE_URL or tenant, not a missing object: never report it as NotFound.
  if (status === 400) return 'BadRequest';
  return 'Unknown';
}
