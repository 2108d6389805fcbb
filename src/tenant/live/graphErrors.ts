// Maps what the Graph client throws (GraphError, per concepts/errors.md: branch on status and code, not on
// message) to TenantError. Messages carry Graph's code and text, never request bodies or tokens.
import { GraphError } from '@microsoft/microsoft-graph-client';
import { TenantError, type TenantErrorCode } from '../../runbook/index.js';
import { parseRetryAfter } from './retryPolicy.js';

/** Graph's answer when a synced user's password is set in the cloud (m365-contracts.md §3.1). */
const ON_PREMISES_MASTERED = /on-premises mastered|onPremisesSyncEnabled|undergoing migration/i;

export function graphTenantError(error: unknown, operation: string): TenantError {
  if (error instanceof TenantError) return error;
  if (!(error instanceof GraphError)) {
    return new TenantError('Unknown', `Graph ${operation} failed: ${describe(error)}`, { cause: error });
  }
  const status = error.statusCode;
  const detail = `${error.code ?? 'no code'}: ${error.message ?? ''}`.slice(0, 500);
  const message = `Graph ${operation} failed: HTTP ${status} ${detail}`;
  if (status <= 0) {
    // No HTTP response at all: connection refused, reset, DNS. Transient as far as we can tell.
    return new TenantError('Unavailable', `Graph ${operation} failed: ${detail}`, {
      cause: error,
      retryable: true,
    });
  }
  const code = codeFor(status, error);
  const retryAfterMs = parseRetryAfter(error.headers?.get('retry-after'));
  return new TenantError(code, message, {
    status,
    cause: error,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(code === 'Unknown' && status >= 500 ? { retryable: true } : {}),
  });
}

function codeFor(status: number, error: GraphError): TenantErrorCode {
  if (status === 400 && ON_PREMISES_MASTERED.test(error.message ?? '')) return 'OnPremisesManaged';
  if (status === 400) return 'BadRequest';
  if (status === 401) return 'Unauthorized';
  if (status === 403) return 'Forbidden';
  if (status === 404) return 'NotFound';
  if (status === 429) return 'Throttled';
  if (status === 502 || status === 503 || status === 504) return 'Unavailable';
  return 'Unknown';
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unexpected error';
}
