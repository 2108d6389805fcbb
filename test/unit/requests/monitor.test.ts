// The resume monitor's branches and the reconciler, against the simulator over HTTP.
import { strict as assert } from 'node:assert';
import { type RequestJobs, unblockJobId } from '../../../src/requests/index.js';
import { MESSAGE_TRACE_END_MARGIN_MS } from '../../../src/tenant/messageTraceBudget.js';
import { type Harness, openHarness, requestJobsOf } from './harness.js';

const waitingPath = ['pending_approval', 'approved', 'unblocking', 'waiting_resume'] as const;

describe('the monitor job', () => {
  let h: Harness;
  let jobs: RequestJobs;
  const hour = 3600_000;
  beforeEach(async () => {
    h = await openHarness();
    jobs = requestJobsOf(h);
  });
  afterEach(async () => {
    await h.close();
  });

  const unblockedAgo = (ms: number) => ({ unblockedAt: new Date(h.clock.now.getTime() - ms).toISOString() });

  describe('resume monitor', () => {
    it('confirms a sender off the list with a delivered message in the trace, and keeps one still on it', async () => {
      // The simulator stamps messages with the real time: the monitor's clock follows it here.
      h.clock.now = new Date();
      const sending = await h.seed('sends@contoso.com', [...waitingPath], unblockedAgo(60_000));
      h.simulator.sendAttempt('sends@contoso.com');
      // Trace filters have whole seconds, and Graph's windows end a margin before now, never in the future.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      h.clock.now = new Date(Date.now() + MESSAGE_TRACE_END_MARGIN_MS);
      h.simulator.restrict('stuck@contoso.com');
      const stuck = await h.seed('stuck@contoso.com', [...waitingPath], unblockedAgo(60_000));
      const cycle = await jobs.monitor.cycle();
      assert.equal(cycle.listCalls, 1);
      assert.equal((await h.store.requests.get(stuck.id))?.state, 'waiting_resume');
      const resumed = await h.store.requests.get(sending.id);
      assert.equal(resumed?.state, 'resumed', JSON.stringify(cycle));
      assert.equal(
        (await h.store.audit.listForRequest(sending.id)).at(-1)?.detail.confirmedBy,
        'message-trace',
      );
    });

    it('lets the Restricted list alone decide in a tenant that did not grant message trace', async () => {
      h.simulator.updateSettings({ messageTraceGranted: false });
      const off = await h.seed('quiet@contoso.com', [...waitingPath], unblockedAgo(60_000));
      await jobs.monitor.cycle();
      const denied = h.simulator.calls().filter((c) => c.path.endsWith('/messageTraces'));
      assert.deepEqual(
        denied.map((c) => c.status),
        [403],
      );
      assert.equal((await h.store.requests.get(off.id))?.state, 'resumed');
      assert.equal(
        (await h.store.audit.listForRequest(off.id)).at(-1)?.detail.confirmedBy,
        'restricted-list',
      );
    });

    it('gives up after RESUME_GIVE_UP_AFTER_H, also while Exchange is down', async () => {
      h.simulator.restrict('late@contoso.com');
      const late = await h.seed('late@contoso.com', [...waitingPath], unblockedAgo(25 * hour));
      const early = await h.seed('early@contoso.com', [...waitingPath], unblockedAgo(hour));
      h.simulator.restrict('early@contoso.com');
      h.simulator.setFaults({ exchange: { probability: 1, status: 503, retryAfterSeconds: 0 } });
      await assert.rejects(jobs.monitor.cycle());
      const failed = await h.store.requests.get(late.id);
      assert.equal(failed?.state, 'failed');
      assert.equal(failed?.failure, 'resume-timeout');
      assert.equal((await h.store.requests.get(early.id))?.state, 'waiting_resume');
    });
  });

  describe('reconciler (in every monitor job)', () => {
    it('queues the missing unblock job of an approved request, with an audit entry', async () => {
      const orphan = await h.seed('orphan@contoso.com', ['pending_approval', 'approved']);
      await jobs.handlers['check-resumed']({
        id: 'check-resumed:1',
        type: 'check-resumed',
        payload: {},
        status: 'running',
        runAt: '',
        attempts: 1,
        lastError: null,
        owner: null,
        leaseUntil: null,
      });
      const job = await h.store.jobs.get(unblockJobId(orphan.id));
      assert.equal(job?.status, 'queued');
      const entry = (await h.store.audit.listForRequest(orphan.id)).at(-1);
      assert.equal(entry?.action, 'reconciler.repaired');
      assert.equal(entry?.detail.missing, 'unblock-job');
    });

    it('fails a request whose unblock job was given up, and leaves a healthy one alone', async () => {
      const spent = await h.seed('spent@contoso.com', ['pending_approval', 'approved', 'unblocking']);
      await h.store.jobs.enqueue({
        id: unblockJobId(spent.id),
        type: 'unblock',
        payload: { requestId: spent.id },
      });
      const claimed = await h.store.jobs.claim('w', new Date(), 60_000);
      assert.ok(claimed && (await h.store.jobs.fail(claimed.id, 'w', 'ServiceUnavailable')));
      const healthy = await h.seed('fine@contoso.com', ['pending_approval', 'approved']);
      await h.store.jobs.enqueue({
        id: unblockJobId(healthy.id),
        type: 'unblock',
        payload: { requestId: healthy.id },
      });
      const healthyVersion = (await h.store.requests.get(healthy.id))?.version;

      const monitorJob = {
        id: 'm',
        type: 'check-resumed' as const,
        payload: {},
        status: 'running' as const,
        runAt: '',
        attempts: 1,
        lastError: null,
        owner: null,
        leaseUntil: null,
      };
      await jobs.handlers['check-resumed'](monitorJob);
      const failed = await h.store.requests.get(spent.id);
      assert.equal(failed?.state, 'failed');
      assert.equal(failed?.failure, 'retries-exhausted');
      assert.equal((await h.store.requests.get(healthy.id))?.version, healthyVersion);
    });
  });
});
