// Graph message trace limits as pure decisions (messagetracingroot-list-messagetraces.md): the window and
// the rolling budget with its back-off.
import { strict as assert } from 'node:assert';
import { TenantError } from '../../../src/runbook/errors.js';
import { MESSAGE_TRACE_MAX_WINDOW_MS, MessageTraceBudget, traceWindow } from '../../../src/tenant/index.js';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const DAY = 24 * 3600_000;

describe('message trace window', () => {
  it('ends a few seconds before now, never after it', () => {
    const window = traceWindow(new Date(NOW - DAY), new Date(NOW));
    assert.ok(window);
    assert.ok(window.to.getTime() < NOW);
    assert.ok(window.to.getTime() >= NOW - 10_000);
    assert.equal(window.from.getTime(), NOW - DAY);
  });

  it('covers at most 10 days however old the start', () => {
    const window = traceWindow(new Date(NOW - 30 * DAY), new Date(NOW));
    assert.ok(window);
    assert.equal(window.to.getTime() - window.from.getTime(), MESSAGE_TRACE_MAX_WINDOW_MS);
  });

  it('has nothing to ask for just after the unblock', () => {
    assert.equal(traceWindow(new Date(NOW - 1000), new Date(NOW)), null);
  });
});

describe('message trace budget', () => {
  it('allows its share in any rolling 5 minutes, then frees calls as they age out', () => {
    let now = NOW;
    const budget = new MessageTraceBudget({ callsPer5Min: 3, now: () => now });
    assert.deepEqual([budget.take(), budget.take(), budget.take(), budget.take()], [true, true, true, false]);
    now += 5 * 60_000 - 1;
    assert.equal(budget.available(), 0);
    now += 1;
    assert.equal(budget.available(), 3);
  });

  it('never exceeds Graph’s own 100', () => {
    const budget = new MessageTraceBudget({ callsPer5Min: 500, now: () => NOW });
    assert.equal(budget.available(), 100);
  });

  it('stops every call on a 429 until Retry-After, or a whole window without one', () => {
    let now = NOW;
    const budget = new MessageTraceBudget({ now: () => now });
    assert.equal(
      budget.backsOffFor(new TenantError('Throttled', 'x', { status: 429, retryAfterMs: 30_000 })),
      true,
    );
    assert.equal(budget.take(), false);
    now += 30_000;
    assert.equal(budget.take(), true);
    budget.backsOffFor(new TenantError('Throttled', 'x', { status: 429 }));
    now += 4 * 60_000;
    assert.equal(budget.available(), 0);
    now += 60_000;
    assert.ok(budget.available() > 0);
  });

  it('ignores failures that are not throttling', () => {
    const budget = new MessageTraceBudget({ now: () => NOW });
    assert.equal(budget.backsOffFor(new TenantError('Unavailable', 'x', { status: 503 })), false);
    assert.equal(budget.available(), 50);
  });
});
