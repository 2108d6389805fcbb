// The lifecycle's jobs, on SQLite and the simulated tenant: what happens when the worker gives a job up, the
// ids that make jobs idempotent (the monitor's per period, the first unblock's as older versions wrote it),
// the worker woken only when a change queued work, and the approval timers' account of what they did.
import { strict as assert } from 'node:assert';
import { runApprovalTimers } from '../../../src/requests/approvalTimers.js';
import {
  detectJob,
  monitorJob,
  type RequestJobs,
  RequestLedger,
  unblockJobId,
} from '../../../src/requests/index.js';
import { reconcile } from '../../../src/requests/reconciler.js';
import type { Job, RequestStore } from '../../../src/store/index.js';
import { SEED } from '../../../src/tenant/index.js';
import { type Harness, openHarness, requestJobsOf } from './harness.js';

const hour = 3600_000;

function job(type: Job['type'], id: string, payload: object): Job {
  return {
    id,
    type,
    payload,
    status: 'running',
    runAt: '',
    attempts: 4,
    lastError: null,
    owner: 'w',
    leaseUntil: null,
  };
}

describe('request jobs', () => {
  let h: Harness;
  let jobs: RequestJobs;
  beforeEach(async () => {
    h = await openHarness();
    jobs = requestJobsOf(h);
  });
  afterEach(async () => {
    await h.close();
  });

  const audit = async (id: string) => (await h.store.audit.listForRequest(id)).at(-1);

  describe('when the worker gives a job up', () => {
    it('fails an approved request whose unblock job never got to run', async () => {
      const request = await h.seed('rob@contoso.com', ['pending_approval', 'approved']);
      await jobs.gaveUp(job('unblock', unblockJobId(request.id), { requestId: request.id }), 'lease lost');
      assert.equal((await h.store.requests.get(request.id))?.failure, 'retries-exhausted');
    });

    it('fails a request whose current unblock can no longer happen', async () => {
      const request = await h.seed('rob@contoso.com', ['pending_approval', 'approved', 'unblocking']);
      await jobs.gaveUp(
        job('unblock', unblockJobId(request.id), { requestId: request.id }),
        'ServiceUnavailable',
      );
      const failed = await h.store.requests.get(request.id);
      assert.equal(failed?.state, 'failed');
      assert.equal(failed?.failure, 'retries-exhausted');
      assert.deepEqual((await audit(request.id))?.detail, {
        failure: 'retries-exhausted',
        error: 'ServiceUnavailable',
        attempts: 4,
      });
    });

    it('only notes it for a request no longer in flight, an earlier attempt, or a notification', async () => {
      const done = await h.seed('done@contoso.com', [
        'pending_approval',
        'approved',
        'unblocking',
        'waiting_resume',
      ]);
      const retried = await h.seed('retried@contoso.com', ['pending_approval', 'approved'], { attempt: 2 });
      const told = await h.seed('told@contoso.com', ['pending_approval', 'approved']);
      const cases: Array<[string, Job]> = [
        [done.id, job('unblock', unblockJobId(done.id), { requestId: done.id })],
        [retried.id, job('unblock', unblockJobId(retried.id), { requestId: retried.id, attempt: 1 })],
        [told.id, job('notify', 'notify:x:agent', { requestId: told.id, event: 'approved' })],
      ];
      for (const [id, given] of cases) {
        const before = await h.store.requests.get(id);
        await jobs.gaveUp(given, 'Forbidden');
        assert.equal(
          (await h.store.requests.get(id))?.version,
          before?.version,
          `${given.id} changed nothing`,
        );
        const entry = await audit(id);
        assert.equal(entry?.action, 'job.gave-up');
        assert.deepEqual(entry?.detail, { job: given.id, error: 'Forbidden', attempts: 4 });
      }
    });

    it('ignores a job that names no request it knows', async () => {
      await jobs.gaveUp(job('unblock', 'unblock:gone', { requestId: 'gone' }), 'x');
      await jobs.gaveUp(job('check-resumed', 'check-resumed:1', {}), 'x');
      assert.deepEqual(await h.store.audit.listRecent(10), []);
    });
  });

  it('keeps the first unblock’s job id as versions before retries wrote it, so their jobs still count', async () => {
    const request = await h.seed('rob@contoso.com', ['pending_approval', 'approved']);
    assert.equal(unblockJobId(request.id), `unblock:${request.id}`);
    assert.equal(unblockJobId(request.id, 1), `unblock:${request.id}`);
    assert.equal(unblockJobId(request.id, 2), `unblock:${request.id}:2`);
    // A job an older version queued: no attempt in its id or payload.
    await h.store.jobs.enqueue({
      id: `unblock:${request.id}`,
      type: 'unblock',
      payload: { requestId: request.id },
    });
    const result = await reconcile({
      requests: h.store.requests,
      jobs: h.store.jobs,
      ledger: h.ledger,
      logger: h.logger,
      now: h.now,
      stuckAfterMs: hour,
    });
    assert.equal(result.requeued, 0, 'its job was found');
  });

  it('names one monitor job per period, whichever worker queues it and when in the period', () => {
    const period = 60_000;
    const start = Date.parse('2026-12-01T10:00:00Z');
    const id = (at: number) => monitorJob(new Date(at), period).id;
    assert.equal(id(start), id(start + period - 1));
    assert.notEqual(id(start + period - 1), id(start + period));
    assert.equal(id(start), `check-resumed:${start / period}`);
    // Detection rides along only when asked (its period coincides with the monitor's).
    assert.deepEqual(monitorJob(new Date(start), period).payload, {});
    assert.deepEqual(monitorJob(new Date(start), period, true).payload, { detect: true });
    // On its own period it has jobs of its own, one per period likewise.
    const detect = (at: number) => detectJob(new Date(at), period);
    assert.equal(detect(start).id, detect(start + period - 1).id);
    assert.deepEqual(detect(start), { id: `detect:${start / period}`, type: 'detect', payload: {} });
  });

  it('runs detection in the monitor job only when the job says so (its period coincides with the monitor’s)', async () => {
    h.clock.now = new Date();
    const withDetection = requestJobsOf(h, {
      tenantId: SEED.tenantId,
      repeatWindowMs: 7 * 24 * hour,
      waveThreshold: 100,
      unblocksPerMinute: 60,
    });
    const detected = async () => (await h.store.requests.listInStates(['open'], 100)).length;
    const monitorRun = (payload: object) =>
      withDetection.handlers['check-resumed'](job('check-resumed', 'check-resumed:1', payload));
    assert.deepEqual(await monitorRun({}), { kind: 'done' });
    assert.equal(await detected(), 0, 'a monitor slot without detection');
    assert.deepEqual(await monitorRun({ detect: true }), { kind: 'done' });
    assert.equal(await detected(), h.simulator.restrictedSenders().length);
    assert.ok((await detected()) > 0, 'the seeded tenant has restricted accounts');
  });

  it('wakes the worker when a change queued a job, and only then', async () => {
    let wakes = 0;
    const ledger = new RequestLedger(h.store.requests, h.store.audit, h.now, () => {
      wakes += 1;
    });
    const request = await h.seed('rob@contoso.com', ['pending_approval']);
    const reminded = await ledger.amend(
      request,
      { remindedAt: h.now().toISOString() },
      { actor: null, conversationId: null, action: 'approval.reminded' },
    );
    assert.ok(reminded.ok);
    assert.equal(wakes, 0, 'no job: nothing to wake for');
    const approved = await ledger.move(reminded.request, 'approved', { actor: null, conversationId: null });
    assert.ok(approved.ok);
    assert.equal(wakes, 1, 'the approval queued its notification');
  });

  it('counts the reminders and expiries it made, not those a concurrent change prevented', async () => {
    const submittedAt = h.clock.now.toISOString();
    const due = await h.seed('due@contoso.com', ['pending_approval'], { submittedAt });
    const old = await h.seed('old@contoso.com', ['pending_approval'], { submittedAt });
    const created = Date.parse(submittedAt);
    const later = await h.seed('later@contoso.com', ['pending_approval'], {
      submittedAt: new Date(created + hour).toISOString(),
    });
    const timeouts = { remindAfterMs: hour, expireAfterMs: 2 * hour };
    h.clock.now = new Date(created + hour + 1000);
    const run = (requests: RequestStore) =>
      runApprovalTimers({ requests, ledger: h.ledger, now: h.now }, timeouts);
    assert.deepEqual(await run(h.store.requests), { reminded: 2, expired: 0 });

    h.clock.now = new Date(created + 2 * hour + 1000);
    const listed = await h.store.requests.listByState('pending_approval', 10);
    for (const id of [old.id, later.id]) {
      const changed = listed.find((r) => r.id === id);
      assert.ok(
        changed &&
          (await h.ledger.amend(changed, {}, { actor: null, conversationId: null, action: 'job.gave-up' }))
            .ok,
      );
    }
    const stale: RequestStore = Object.create(h.store.requests, {
      listByState: { value: async () => listed },
    });
    assert.deepEqual(await run(stale), { reminded: 0, expired: 1 });
    assert.equal((await h.store.requests.get(due.id))?.state, 'expired');
    assert.equal((await h.store.requests.get(old.id))?.state, 'pending_approval');
    assert.equal((await h.store.requests.get(later.id))?.remindedAt ?? null, null, 'not reminded');
  });
});
