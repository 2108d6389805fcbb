// The per-person token bucket and the turn gate, on a fake clock.
import { strict as assert } from 'node:assert';
import { TurnGate, UserRateLimiter } from '../../../src/bot/turnLimits.js';

describe('UserRateLimiter', () => {
  it('allows a burst of the per-minute rate, then refills evenly over the minute', () => {
    let now = 0;
    const limiter = new UserRateLimiter(60, () => now);
    for (let i = 0; i < 60; i += 1) assert.ok(limiter.take('megan'), `action ${i + 1}`);
    assert.equal(limiter.take('megan'), false);
    now += 999;
    assert.equal(limiter.take('megan'), false, 'not a whole action refilled yet');
    now += 1;
    assert.ok(limiter.take('megan'), 'one action per second comes back');
    assert.equal(limiter.take('megan'), false);
    now += 120_000;
    for (let i = 0; i < 60; i += 1) assert.ok(limiter.take('megan'));
    assert.equal(limiter.take('megan'), false, 'never more than the burst');
  });

  it('reports a person’s refusals once a minute, not once per refused action', () => {
    let now = 0;
    const limiter = new UserRateLimiter(1, () => now);
    limiter.take('megan');
    assert.equal(limiter.take('megan'), false);
    assert.ok(limiter.shouldReport('megan'));
    assert.equal(limiter.shouldReport('megan'), false);
    now += 60_000;
    assert.ok(limiter.shouldReport('megan'));
  });

  it('keeps an allowance per person', () => {
    const limiter = new UserRateLimiter(1, () => 0);
    assert.ok(limiter.take('megan'));
    assert.equal(limiter.take('megan'), false);
    assert.ok(limiter.take('isaiah'));
  });

  it('forgets idle people, so a flood of ids does not grow memory without end', () => {
    let now = 0;
    const limiter = new UserRateLimiter(1, () => now);
    for (let i = 0; i <= 10_001; i += 1) limiter.take(`person-${i}`);
    now += 60_000;
    limiter.take('someone-new');
    const size = (limiter as unknown as { buckets: Map<string, unknown> }).buckets.size;
    assert.ok(size < 10, `${size} people tracked`);
  });
});

describe('TurnGate', () => {
  it('admits at most max turns at once and frees a slot on leave', () => {
    const gate = new TurnGate(2);
    assert.ok(gate.tryEnter());
    assert.ok(gate.tryEnter());
    assert.equal(gate.tryEnter(), false);
    gate.leave();
    assert.ok(gate.tryEnter());
  });
});
