// Approvals nobody answers, on SQLite with a clock the test moves: one reminder to the approvers (recorded
// with when it went out, so it is not repeated), then the request expires; a clean member of a phishing wave
// is reminded by its batch card instead, but expires like any other.
import { strict as assert } from 'node:assert';
import { runApprovalTimers } from '../../../src/requests/approvalTimers.js';
import type { UnblockRequest } from '../../../src/runbook/index.js';
import { type Harness, openHarness } from './harness.js';

const hour = 3600_000;
const timeouts = { remindAfterMs: hour, expireAfterMs: 4 * hour };

describe('approval timers', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const run = () => runApprovalTimers({ requests: h.store.requests, ledger: h.ledger, now: h.now }, timeouts);
  const later = (ms: number) => {
    h.clock.now = new Date(h.clock.now.getTime() + ms);
  };
  const submitted = (changes: Partial<UnblockRequest> = {}) =>
    h.seed('rob@contoso.com', ['pending_approval'], { submittedAt: h.now().toISOString(), ...changes });
  const stored = async (request: UnblockRequest) => {
    const found = await h.store.requests.get(request.id);
    assert.ok(found);
    return found;
  };

  it('reminds the approvers once after the reminder time, recording when', async () => {
    const request = await submitted();
    later(hour - 1);
    assert.deepEqual(await run(), { reminded: 0, expired: 0 });
    later(1);
    assert.deepEqual(await run(), { reminded: 1, expired: 0 });
    assert.equal((await stored(request)).remindedAt, h.now().toISOString());
    const entries = (await h.store.audit.listForRequest(request.id)).filter(
      (e) => e.action === 'approval.reminded',
    );
    assert.equal(entries.length, 1);
    later(hour);
    assert.deepEqual(await run(), { reminded: 0, expired: 0 }, 'no second reminder');
  });

  it('expires a request nobody decided, and leaves decided ones alone', async () => {
    const request = await submitted();
    const decided = await h.seed('diego@contoso.com', ['pending_approval', 'approved'], {
      submittedAt: h.now().toISOString(),
    });
    later(4 * hour);
    assert.deepEqual(await run(), { reminded: 0, expired: 1 });
    assert.equal((await stored(request)).state, 'expired');
    assert.equal((await stored(decided)).state, 'approved');
  });

  it('reminds a clean wave member through its batch card only, but expires it like any other', async () => {
    const member = await submitted({
      requester: { aadObjectId: 'unblock-assistant:detection', name: 'Unblock assistant' },
      checks: null,
      detection: {
        episode: 'rob@contoso.com|2026-12-01T09:00:00.000Z',
        detectedAt: h.now().toISOString(),
        alerts: [],
        waveId: 'wave-1',
        claimedBy: null,
        claimedAt: null,
      },
    });
    later(hour);
    assert.deepEqual(await run(), { reminded: 0, expired: 0 });
    assert.equal((await stored(member)).remindedAt ?? null, null);
    later(3 * hour);
    assert.deepEqual(await run(), { reminded: 0, expired: 1 });
  });
});
