// The resume monitor's decisions, on SQLite and the simulated tenant over HTTP: only a delivered message
// confirms that a user off the list can send again, addresses match whatever their case, a request is
// given up exactly at RESUME_GIVE_UP_AFTER_H, the trace budget goes to the requests never checked first,
// and each cycle reports what it did.
import { strict as assert } from 'node:assert';
import { ResumeMonitor } from '../../../src/requests/resumeMonitor.js';
import { TenantError } from '../../../src/runbook/index.js';
import type { RequestStore } from '../../../src/store/index.js';
import type { TenantGateway } from '../../../src/tenant/index.js';
import { MESSAGE_TRACE_END_MARGIN_MS } from '../../../src/tenant/messageTraceBudget.js';
import { type Harness, openHarness } from './harness.js';

const hour = 3600_000;
const waitingPath = ['pending_approval', 'approved', 'unblocking', 'waiting_resume'] as const;
const TRACES = /\/messageTraces$/;

describe('resume monitor', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const monitor = (traceCallsPerCycle?: number) =>
    new ResumeMonitor({
      requests: h.store.requests,
      ledger: h.ledger,
      tenant: h.tenant,
      logger: h.logger,
      now: h.now,
      giveUpAfterMs: 24 * hour,
      ...(traceCallsPerCycle ? { traceCallsPerCycle } : {}),
    });
  const unblockedAgo = (ms: number) => ({ unblockedAt: new Date(h.clock.now.getTime() - ms).toISOString() });
  /** The senders whose message trace was read, in order. */
  const traced = () =>
    h.simulator
      .calls()
      .filter((c) => TRACES.test(c.path))
      .map((c) => /senderAddress eq '([^']+)'/.exec(decodeURIComponent(c.query))?.[1]);
  /** Trace filters have whole seconds, and Graph's windows end a margin before now. */
  async function afterTraceSettles(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    h.clock.now = new Date(Date.now() + MESSAGE_TRACE_END_MARGIN_MS);
  }

  it('waits while the trace holds only failed sends, though the sender is off the list', async () => {
    h.clock.now = new Date();
    h.simulator.restrict('bounced@contoso.com');
    const request = await h.seed('bounced@contoso.com', [...waitingPath], unblockedAgo(60_000));
    // Removed from the list, but Exchange has not released the sender yet: every send still bounces.
    h.simulator.updateSettings({ releaseDelayMs: hour });
    await h.tenant.unblockSender('bounced@contoso.com');
    assert.equal(h.simulator.sendAttempt('bounced@contoso.com').status, 'failed');
    await afterTraceSettles();

    const cycle = await monitor().cycle();
    assert.deepEqual(cycle, { waiting: 1, listCalls: 1, traceCalls: 1, resumed: 0, gaveUp: 0 });
    assert.equal((await h.store.requests.get(request.id))?.state, 'waiting_resume');
  });

  it('confirms by a delivered message and reports it in the cycle', async () => {
    h.clock.now = new Date();
    const request = await h.seed('sends@contoso.com', [...waitingPath], unblockedAgo(60_000));
    assert.equal(h.simulator.sendAttempt('sends@contoso.com').status, 'delivered');
    await afterTraceSettles();

    const cycle = await monitor().cycle();
    assert.deepEqual(cycle, { waiting: 1, listCalls: 1, traceCalls: 1, resumed: 1, gaveUp: 0 });
    assert.equal((await h.store.requests.get(request.id))?.state, 'resumed');
  });

  it('does not take a throttled message trace for a delivered message', async () => {
    h.clock.now = new Date();
    const request = await h.seed('throttled@contoso.com', [...waitingPath], unblockedAgo(60_000));
    assert.equal(h.simulator.sendAttempt('throttled@contoso.com').status, 'delivered');
    await afterTraceSettles();
    h.simulator.setFaults({ graph: { status: 429, probability: 1, retryAfterSeconds: 0 } });

    const cycle = await monitor().cycle();
    assert.equal(cycle.resumed, 0);
    assert.equal((await h.store.requests.get(request.id))?.state, 'waiting_resume');
  });

  it('matches the Restricted list whatever the case of the address', async () => {
    // Without message trace the list alone decides, so a missed match would resume a restricted sender.
    h.simulator.updateSettings({ messageTraceGranted: false });
    h.simulator.restrict('rob.mixed@contoso.com');
    const request = await h.seed('Rob.Mixed@Contoso.COM', [...waitingPath], unblockedAgo(60_000));
    const cycle = await monitor().cycle();
    assert.deepEqual(cycle, { waiting: 1, listCalls: 1, traceCalls: 0, resumed: 0, gaveUp: 0 });
    assert.equal((await h.store.requests.get(request.id))?.state, 'waiting_resume');
    assert.deepEqual(traced(), [], 'a sender still on the list is not traced');
  });

  it('gives up exactly RESUME_GIVE_UP_AFTER_H after the unblock, not a millisecond earlier', async () => {
    h.simulator.restrict('late@contoso.com');
    const request = await h.seed('late@contoso.com', [...waitingPath], unblockedAgo(24 * hour - 1));
    assert.deepEqual(await monitor().cycle(), {
      waiting: 1,
      listCalls: 1,
      traceCalls: 0,
      resumed: 0,
      gaveUp: 0,
    });
    assert.equal((await h.store.requests.get(request.id))?.state, 'waiting_resume');

    h.clock.now = new Date(h.clock.now.getTime() + 1);
    assert.deepEqual(await monitor().cycle(), {
      waiting: 1,
      listCalls: 1,
      traceCalls: 0,
      resumed: 0,
      gaveUp: 1,
    });
    const failed = await h.store.requests.get(request.id);
    assert.equal(failed?.state, 'failed');
    assert.equal(failed?.failure, 'resume-timeout');
    assert.deepEqual((await h.store.audit.listForRequest(request.id)).at(-1)?.detail, {
      failure: 'resume-timeout',
    });
  });

  it('gives up every overdue request while Exchange is down', async () => {
    await h.seed('late@contoso.com', [...waitingPath], unblockedAgo(25 * hour));
    await h.seed('later@contoso.com', [...waitingPath], unblockedAgo(26 * hour));
    await h.seed('early@contoso.com', [...waitingPath], unblockedAgo(hour));
    h.simulator.setFaults({ exchange: { probability: 1, status: 503, retryAfterSeconds: 0 } });
    await assert.rejects(monitor().cycle());
    const states = (await h.store.requests.listRecent(10)).map((r) => r.state).sort();
    assert.deepEqual(states, ['failed', 'failed', 'waiting_resume']);
  });

  it('asks Exchange nothing when nobody waits', async () => {
    assert.deepEqual(await monitor().cycle(), {
      waiting: 0,
      listCalls: 0,
      traceCalls: 0,
      resumed: 0,
      gaveUp: 0,
    });
    assert.deepEqual(h.simulator.calls(), []);
  });

  it('counts only what it changed: a request changed since the listing is neither resumed nor given up', async () => {
    h.simulator.updateSettings({ messageTraceGranted: false });
    const off = await h.seed('off@contoso.com', [...waitingPath], unblockedAgo(60_000));
    h.simulator.restrict('late@contoso.com');
    const late = await h.seed('late@contoso.com', [...waitingPath], unblockedAgo(25 * hour));
    for (const request of [off, late]) {
      const changed = await h.ledger.amend(
        request,
        {},
        { actor: null, conversationId: null, action: 'job.gave-up', detail: {} },
      );
      assert.ok(changed.ok);
    }
    const stale: RequestStore = Object.create(h.store.requests, {
      listByState: { value: async () => [off, late] },
    });
    const m = new ResumeMonitor({
      requests: stale,
      ledger: h.ledger,
      tenant: h.tenant,
      logger: h.logger,
      now: h.now,
      giveUpAfterMs: 24 * hour,
    });
    assert.deepEqual(await m.cycle(), { waiting: 2, listCalls: 1, traceCalls: 1, resumed: 0, gaveUp: 0 });
    assert.deepEqual(
      (await h.store.requests.listRecent(10)).map((r) => r.state),
      ['waiting_resume', 'waiting_resume'],
    );
  });

  /** The live gateway, with message trace answering `error` (a fault the simulator has no switch for). */
  function traceFailing(error: Error): { tenant: TenantGateway; traceCalls: () => number } {
    let calls = 0;
    const tenant: TenantGateway = Object.create(h.tenant, {
      listMessageTrace: {
        value: async () => {
          calls += 1;
          throw error;
        },
      },
    });
    return { tenant, traceCalls: () => calls };
  }
  const monitorWith = (tenant: TenantGateway) =>
    new ResumeMonitor({
      requests: h.store.requests,
      ledger: h.ledger,
      tenant,
      logger: h.logger,
      now: h.now,
      giveUpAfterMs: 24 * hour,
    });

  it('lets the list alone decide once message trace answers 401, for every sender from then on', async () => {
    const first = await h.seed('first@contoso.com', [...waitingPath], unblockedAgo(60_000));
    const second = await h.seed('second@contoso.com', [...waitingPath], unblockedAgo(60_000));
    const { tenant, traceCalls } = traceFailing(
      new TenantError('Unauthorized', 'no ExchangeMessageTrace.Read.All'),
    );
    const m = monitorWith(tenant);
    assert.deepEqual(await m.cycle(), { waiting: 2, listCalls: 1, traceCalls: 1, resumed: 2, gaveUp: 0 });
    assert.equal(traceCalls(), 1, 'asked once');
    for (const request of [first, second]) {
      assert.equal(
        (await h.store.audit.listForRequest(request.id)).at(-1)?.detail.confirmedBy,
        'restricted-list',
      );
    }
    const third = await h.seed('third@contoso.com', [...waitingPath], unblockedAgo(60_000));
    assert.deepEqual(await m.cycle(), { waiting: 1, listCalls: 1, traceCalls: 0, resumed: 1, gaveUp: 0 });
    assert.equal((await h.store.requests.get(third.id))?.state, 'resumed');
  });

  it('keeps waiting when a trace call fails otherwise, and asks again next cycle', async () => {
    const request = await h.seed('quiet@contoso.com', [...waitingPath], unblockedAgo(60_000));
    const { tenant, traceCalls } = traceFailing(new TenantError('Unknown', 'Graph answered 500'));
    const m = monitorWith(tenant);
    assert.deepEqual(await m.cycle(), { waiting: 1, listCalls: 1, traceCalls: 1, resumed: 0, gaveUp: 0 });
    h.clock.now = new Date(h.clock.now.getTime() + 60_000);
    assert.deepEqual(await m.cycle(), { waiting: 1, listCalls: 1, traceCalls: 1, resumed: 0, gaveUp: 0 });
    assert.equal(traceCalls(), 2);
    assert.equal((await h.store.requests.get(request.id))?.state, 'waiting_resume');
  });

  it('never confirms a sender still on the list, also once message trace turned out unavailable', async () => {
    h.simulator.updateSettings({ messageTraceGranted: false });
    const off = await h.seed('off@contoso.com', [...waitingPath], unblockedAgo(60_000));
    h.simulator.restrict('still@contoso.com');
    const still = await h.seed('still@contoso.com', [...waitingPath], unblockedAgo(60_000));
    assert.deepEqual(await monitor().cycle(), {
      waiting: 2,
      listCalls: 1,
      traceCalls: 1,
      resumed: 1,
      gaveUp: 0,
    });
    assert.equal((await h.store.requests.get(off.id))?.state, 'resumed');
    assert.equal((await h.store.requests.get(still.id))?.state, 'waiting_resume');
    const m = monitor();
    await m.cycle(); // learns that message trace is not available
    await m.cycle();
    assert.equal(
      (await h.store.requests.get(still.id))?.state,
      'waiting_resume',
      'the list alone decides now',
    );
  });

  it('spends its trace budget only on senders off the list', async () => {
    h.clock.now = new Date();
    h.simulator.restrict('still@contoso.com');
    h.simulator.restrict('also@contoso.com');
    await h.seed('still@contoso.com', [...waitingPath], unblockedAgo(120_000));
    await h.seed('off@contoso.com', [...waitingPath], unblockedAgo(60_000));
    await h.seed('also@contoso.com', [...waitingPath], unblockedAgo(30_000));
    await afterTraceSettles();
    assert.equal((await monitor(1).cycle()).traceCalls, 1);
    assert.deepEqual(traced(), ['off@contoso.com']);
  });

  it('gives its trace budget to the requests never checked before those checked last', async () => {
    h.clock.now = new Date();
    for (const address of ['first@contoso.com', 'second@contoso.com', 'third@contoso.com']) {
      await h.seed(address, [...waitingPath], unblockedAgo(60_000));
    }
    await afterTraceSettles();
    const m = monitor(1);
    const order: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const before = traced().length;
      const cycle = await m.cycle();
      assert.equal(cycle.traceCalls, 1, 'one trace call per cycle');
      order.push(...(traced().slice(before) as string[]));
      h.clock.now = new Date(h.clock.now.getTime() + 1000);
    }
    assert.equal(new Set(order.slice(0, 3)).size, 3, `each request once before any twice: ${order}`);
    assert.equal(order[3], order[0], 'then the one checked longest ago');
  });
});
