// The resume monitor within Graph's message-trace limits (messagetracingroot-list-messagetraces.md, ms.date
// 2026-01-27): 100 requests per 5 minutes per tenant, shared with every other tool in the tenant, so the
// bot spends at most half by default; a window of at most 10 days that never ends later than Microsoft's
// "now"; and a 429 backs the whole monitor off instead of each waiting request retrying on its own. The
// simulator enforces the same limits (src/tenant/simulator/messageTrace.ts).
import { strict as assert } from 'node:assert';
import { requestThrough } from '../../support/requests.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';

const manual = { RESUME_POLL_INTERVAL_S: '3600', WORKER_POLL_INTERVAL_MS: '20' };
const MINUTE = 60_000;

async function waitingOffTheList(t: TestApp, count: number, unblockedAgoMs = 10 * MINUTE): Promise<void> {
  for (let i = 0; i < count; i++) {
    await t.app.store.requests.create(
      requestThrough(
        `quiet${i}@contoso.com`,
        ['pending_approval', 'approved', 'unblocking', 'waiting_resume'],
        {
          unblockedAt: new Date(Date.now() - unblockedAgoMs).toISOString(),
        },
      ),
    );
  }
}

function traceCalls(t: TestApp) {
  return (t.app.simulator?.calls() ?? []).filter((c) => c.path.endsWith('/messageTraces'));
}

describe('message trace within Microsoft limits', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.stop();
  });

  it('spends at most half of the 100 calls per 5 minutes by default, and Graph never throttles it', async () => {
    t = await startTestApp(manual);
    const { worker, requestJobs } = t.app;
    assert.ok(worker && requestJobs);
    await worker.stop(); // cycles run by hand, back to back: all within one 5-minute window
    await waitingOffTheList(t, 200);
    t.app.simulator?.clearCalls();
    for (let cycle = 0; cycle < 8; cycle++) await requestJobs.monitor.cycle();
    const calls = traceCalls(t);
    assert.equal(calls.length, 50, 'half of Graph’s budget, all of it used');
    assert.ok(
      calls.every((c) => c.status === 200),
      'no 429',
    );
  });

  it('takes the budget from MESSAGE_TRACE_CALLS_PER_5_MIN', async () => {
    t = await startTestApp({ ...manual, MESSAGE_TRACE_CALLS_PER_5_MIN: '12' });
    const { worker, requestJobs } = t.app;
    assert.ok(worker && requestJobs);
    await worker.stop();
    await waitingOffTheList(t, 30);
    t.app.simulator?.clearCalls();
    for (let cycle = 0; cycle < 3; cycle++) await requestJobs.monitor.cycle();
    assert.equal(traceCalls(t).length, 12);
  });

  it('backs the whole monitor off on a 429 instead of retrying request by request', async () => {
    t = await startTestApp(manual);
    const { worker, simulator, requestJobs } = t.app;
    assert.ok(worker && simulator && requestJobs);
    await worker.stop();
    await waitingOffTheList(t, 10);
    // Other tools in the tenant have used Graph's whole budget for these 5 minutes.
    simulator.spendMessageTraceQuota(100);
    simulator.clearCalls();
    await requestJobs.monitor.cycle();
    await requestJobs.monitor.cycle();
    const calls = traceCalls(t);
    assert.equal(
      calls.length,
      1,
      `one throttled call, then nothing: ${calls.map((c) => c.status).join(',')}`,
    );
    assert.equal(calls[0]?.status, 429);
  });

  it("never asks for a window ending after Microsoft's now, even when this host's clock runs ahead", async () => {
    // Microsoft's clock is 2 s behind this host's: a window ending at "our now" ends in Graph's future.
    t = await startTestApp(manual, { simulator: { now: () => new Date(Date.now() - 2000) } });
    const { worker, requestJobs } = t.app;
    assert.ok(worker && requestJobs);
    await worker.stop();
    await waitingOffTheList(t, 1);
    t.app.simulator?.clearCalls();
    await requestJobs.monitor.cycle();
    const [call] = traceCalls(t);
    assert.equal(call?.status, 200, `Graph accepted the window: ${decodeURIComponent(call?.query ?? '')}`);
  });

  it('asks for at most 10 days however long ago the unblock was', async () => {
    t = await startTestApp(manual);
    const { worker, requestJobs } = t.app;
    assert.ok(worker && requestJobs);
    await worker.stop();
    // The monitor gives up after RESUME_GIVE_UP_AFTER_H (at most 240 h); a request past 10 days still
    // gets a valid window until then.
    await waitingOffTheList(t, 1, 11 * 24 * 60 * MINUTE);
    t.app.simulator?.clearCalls();
    await requestJobs.monitor.cycle();
    const [call] = traceCalls(t);
    const query = decodeURIComponent(call?.query ?? '');
    const from = Date.parse(/ge (\S+)/.exec(query)?.[1] ?? '');
    const to = Date.parse(/le (\S+)/.exec(query)?.[1] ?? '');
    assert.ok(to - from <= 10 * 24 * 60 * MINUTE, query);
    assert.equal(call?.status, 200);
  });
});
