import { strict as assert } from 'node:assert';
import { backoffMs, parseRetryAfter, retryDelayMs } from '../../../src/tenant/live/retryPolicy.js';

describe('retry policy', () => {
  const options = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 30_000 };

  it('reads Retry-After as seconds', () => {
    assert.equal(parseRetryAfter('0'), 0);
    assert.equal(parseRetryAfter('12'), 12_000);
    assert.equal(parseRetryAfter(' 1.5 '), 1500);
  });

  it('reads Retry-After as an HTTP-date', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    assert.equal(parseRetryAfter('Sun, 22 Nov 2026 10:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('Sun, 22 Nov 2026 09:00:00 GMT', now), 0, 'a past date means now');
  });

  it('ignores a missing or unreadable Retry-After', () => {
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter(''), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
  });

  it('waits exactly what Retry-After says, up to maxDelayMs', () => {
    assert.equal(
      retryDelayMs(1, 2000, options, () => 0.5),
      2000,
    );
    assert.equal(
      retryDelayMs(1, 60_000, options, () => 0.5),
      null,
    );
  });

  it('backs off exponentially with jitter when there is no Retry-After', () => {
    assert.equal(
      retryDelayMs(1, undefined, options, () => 0),
      500,
    );
    assert.equal(
      retryDelayMs(1, undefined, options, () => 1),
      1000,
    );
    assert.equal(
      retryDelayMs(3, undefined, options, () => 1),
      4000,
    );
    assert.equal(
      retryDelayMs(20, undefined, options, () => 1),
      30_000,
      'capped at maxDelayMs',
    );
  });
});

describe('back-off (HTTP retries and job retries alike)', () => {
  const options = { baseDelayMs: 1000, maxDelayMs: 300_000 };

  it('doubles the ceiling per attempt and waits between half of it and all of it (equal jitter)', () => {
    for (const [attempt, ceiling] of [
      [1, 1000],
      [2, 2000],
      [5, 16_000],
    ] as const) {
      assert.equal(
        backoffMs(attempt, options, () => 0),
        ceiling / 2,
        `attempt ${attempt}, lowest`,
      );
      assert.equal(
        backoffMs(attempt, options, () => 0.999_999),
        ceiling,
        `attempt ${attempt}, highest`,
      );
    }
  });

  it('never waits longer than the cap (JOB_MAX_BACKOFF_S), however many attempts', () => {
    assert.equal(
      backoffMs(30, options, () => 0.999_999),
      300_000,
    );
    assert.equal(
      backoffMs(30, options, () => 0),
      150_000,
    );
  });
});
