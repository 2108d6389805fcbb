// TenantError, as the logs and the retry logic see it: its name and cause reach pino's error serializer
// (an operator needs the underlying network or HTTP error), and only throttling and outages are retried
// unless the caller says otherwise.
import { strict as assert } from 'node:assert';
import pino from 'pino';
import { TenantError } from '../../../src/runbook/index.js';

describe('TenantError', () => {
  it('names itself and keeps its cause for the logs', () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:443');
    const error = new TenantError('Unavailable', 'Exchange Online is unreachable', { cause });
    const lines: string[] = [];
    pino({}, { write: (line: string) => void lines.push(line) }).error({ err: error }, 'unblock failed');
    const logged = JSON.parse(lines[0] ?? '{}').err;
    assert.equal(logged.type, 'TenantError');
    assert.match(logged.stack, /^TenantError: Exchange Online is unreachable/);
    assert.match(logged.message, /Exchange Online is unreachable: connect ECONNREFUSED/);
    assert.equal(error.cause, cause);
  });

  it('is retryable when throttled or unavailable, unless told otherwise', () => {
    assert.equal(new TenantError('Throttled', 'x').retryable, true);
    assert.equal(new TenantError('Unavailable', 'x').retryable, true);
    assert.equal(new TenantError('Forbidden', 'x').retryable, false);
    assert.equal(new TenantError('Unavailable', 'x', { retryable: false }).retryable, false);
    assert.equal(new TenantError('Unknown', 'x', { retryable: true }).retryable, true);
    const throttled = new TenantError('Throttled', 'x', { status: 429, retryAfterMs: 3000 });
    assert.deepEqual([throttled.status, throttled.retryAfterMs], [429, 3000]);
  });
});
