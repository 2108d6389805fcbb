import { strict as assert } from 'node:assert';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { TenantError } from '../../../src/runbook/errors.js';
import { graphTenantError } from '../../../src/tenant/live/graphErrors.js';

function graphError(
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): GraphError {
  const e = new GraphError(status, message);
  e.code = code;
  e.headers = new Headers(headers);
  return e;
}

describe('Graph error mapping', () => {
  it('maps the synced-user refusal to OnPremisesManaged', () => {
    const e = graphTenantError(
      graphError(
        400,
        'Request_BadRequest',
        'Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.',
      ),
      'PATCH /users/x',
    );
    assert.equal(e.code, 'OnPremisesManaged');
    assert.equal(e.retryable, false);
  });

  it('maps status codes', () => {
    const cases: Array<[number, string]> = [
      [400, 'BadRequest'],
      [401, 'Unauthorized'],
      [403, 'Forbidden'],
      [404, 'NotFound'],
      [429, 'Throttled'],
      [503, 'Unavailable'],
      [504, 'Unavailable'],
      [500, 'Unknown'],
    ];
    for (const [status, code] of cases)
      assert.equal(graphTenantError(graphError(status, 'x', 'y'), 'op').code, code);
  });

  it('carries Retry-After on throttling', () => {
    const e = graphTenantError(
      graphError(429, 'TooManyRequests', 'Too many requests.', { 'retry-after': '120' }),
      'op',
    );
    assert.equal(e.retryAfterMs, 120_000);
    assert.equal(e.retryable, true);
  });

  it('treats no response at all as retryable Unavailable', () => {
    const e = graphTenantError(new GraphError(-1, 'fetch failed'), 'op');
    assert.equal(e.code, 'Unavailable');
    assert.equal(e.retryable, true);
  });

  it('passes TenantError through and wraps anything else as Unknown', () => {
    const original = new TenantError('Unauthorized', 'no token');
    assert.equal(graphTenantError(original, 'op'), original);
    assert.equal(graphTenantError(new TypeError('boom'), 'op').code, 'Unknown');
  });
});
