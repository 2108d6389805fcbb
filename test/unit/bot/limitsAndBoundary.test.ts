// Edges of the turn limits and the tenant boundary that the happy-path tests do not reach: a slot freed
// once per turn, a refusal logged once a minute at any clock value, a flood of new ids that must not
// reset a spent allowance, and hostile or incomplete tenant data.
import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { checkTenant } from '../../../src/bot/tenantBoundary.js';
import { TurnGate, UserRateLimiter } from '../../../src/bot/turnLimits.js';

const OURS = '3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

describe('turn limits at their edges', () => {
  it('frees exactly one slot per leave, so the cap holds while other turns are still running', () => {
    const gate = new TurnGate(2);
    assert.ok(gate.tryEnter());
    assert.ok(gate.tryEnter());
    gate.leave();
    assert.ok(gate.tryEnter());
    assert.equal(gate.tryEnter(), false, 'two turns are running again');
  });

  it('logs a person’s refusals once a minute whatever the clock reads', () => {
    let now = 1_700_000_000_000;
    const limiter = new UserRateLimiter(1, () => now);
    assert.ok(limiter.shouldReport('unknown'), 'nobody tracked yet: report');
    limiter.take('megan');
    limiter.take('megan');
    assert.ok(limiter.shouldReport('megan'));
    now += 59_999;
    assert.equal(limiter.shouldReport('megan'), false);
    now += 1;
    assert.ok(limiter.shouldReport('megan'));
  });

  it('keeps a spent allowance spent when a flood of new ids makes it forget idle people', () => {
    let now = 0;
    const limiter = new UserRateLimiter(2, () => now);
    assert.ok(limiter.take('megan'));
    assert.ok(limiter.take('megan'));
    for (let i = 0; i <= 10_001; i += 1) limiter.take(`flood-${i}`);
    now += 1_000; // a 30th of a minute: megan has not earned an action back
    assert.equal(limiter.take('megan'), false);
  });
});

describe('tenant boundary with incomplete or hostile data', () => {
  const boundary = { allowedTenantIds: [OURS], requireTenant: true };

  it('refuses an activity without a conversation that names no tenant, without throwing', () => {
    const bare = { channelData: {} } as unknown as Activity;
    assert.deepEqual(checkTenant(boundary, bare), { ok: false, tenantId: null });
  });

  it('records at most 64 characters of a refused tenant id', () => {
    const long = 'x'.repeat(5000);
    const activity = { conversation: { id: 'a:1', tenantId: long }, channelData: {} } as unknown as Activity;
    assert.deepEqual(checkTenant(boundary, activity), { ok: false, tenantId: 'x'.repeat(64) });
  });
});
