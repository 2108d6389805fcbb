// The unblock job's branches against the simulator over HTTP: exactly one Remove-BlockedSenderAddress per
// attempt, whatever ran before.
import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { type RequestJobs, unblockJobId } from '../../../src/requests/index.js';
import { TenantError } from '../../../src/runbook/index.js';
import type { Job } from '../../../src/store/index.js';
import { type Harness, openHarness, requestJobsOf } from './harness.js';

function jobsFor(h: Harness): RequestJobs {
  return requestJobsOf(h);
}

function unblockJob(requestId: string, attempt?: number): Job {
  return {
    id: unblockJobId(requestId, attempt),
    type: 'unblock',
    payload: attempt ? { requestId, attempt } : { requestId },
    status: 'running',
    runAt: new Date().toISOString(),
    attempts: 1,
    lastError: null,
    owner: 'test',
    leaseUntil: null,
  };
}

describe('the unblock job', () => {
  let h: Harness;
  let jobs: RequestJobs;
  beforeEach(async () => {
    h = await openHarness();
    jobs = jobsFor(h);
  });
  afterEach(async () => {
    sinon.restore();
    await h.close();
  });

  it('moves an approved request through unblocking to waiting_resume with one Remove call', async () => {
    h.simulator.restrict('one@contoso.com');
    const request = await h.seed('one@contoso.com', ['pending_approval', 'approved']);
    assert.deepEqual(await jobs.handlers.unblock(unblockJob(request.id)), { kind: 'done' });
    const stored = await h.store.requests.get(request.id);
    assert.equal(stored?.state, 'waiting_resume');
    assert.equal(stored?.unblockedAt, h.clock.now.toISOString());
    assert.equal(h.removes(), 1);
    const states = (await h.store.audit.listForRequest(request.id)).map((e) => `${e.action}:${e.toState}`);
    assert.deepEqual(states, [
      'request.transition:unblocking',
      'unblock.called:unblocking',
      'request.transition:waiting_resume',
    ]);
  });

  it('re-run after a crash mid-unblock: asks Exchange first and does not call Remove again', async () => {
    // The sender is already off the list: the first run's call went through before the crash.
    const request = await h.seed('gone@contoso.com', ['pending_approval', 'approved', 'unblocking']);
    assert.deepEqual(await jobs.handlers.unblock(unblockJob(request.id)), { kind: 'done' });
    assert.equal((await h.store.requests.get(request.id))?.state, 'waiting_resume');
    assert.equal(
      h.simulator.calls().filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress').length,
      0,
      'no second Remove-BlockedSenderAddress',
    );
    assert.equal(h.simulator.calls().filter((c) => c.cmdlet === 'Get-BlockedSenderAddress').length, 1);
  });

  it('does nothing for a request whose unblock already happened, or for a job of an earlier attempt', async () => {
    h.simulator.restrict('done@contoso.com');
    const waiting = await h.seed('done@contoso.com', [
      'pending_approval',
      'approved',
      'unblocking',
      'waiting_resume',
    ]);
    assert.deepEqual(await jobs.handlers.unblock(unblockJob(waiting.id)), { kind: 'done' });
    const retried = await h.seed('again@contoso.com', ['pending_approval', 'approved'], { attempt: 2 });
    h.simulator.restrict('again@contoso.com');
    assert.deepEqual(await jobs.handlers.unblock(unblockJob(retried.id, 1)), { kind: 'done' });
    assert.equal((await h.store.requests.get(retried.id))?.state, 'approved', 'attempt 1 no longer decides');
    assert.equal(h.simulator.calls().length, 0);
    assert.deepEqual(await jobs.handlers.unblock(unblockJob(retried.id, 2)), { kind: 'done' });
    assert.equal(h.removes(), 1, 'the retry’s own job unblocks');
  });

  it("fails the request when Microsoft's unblock limit is reached, and asks for a retry when Exchange is busy", async () => {
    await h.close();
    h = await openHarness({ unblockLimitPerDay: 0 });
    jobs = jobsFor(h);
    h.simulator.restrict('limit@contoso.com');
    const limited = await h.seed('limit@contoso.com', ['pending_approval', 'approved']);
    assert.deepEqual(await jobs.handlers.unblock(unblockJob(limited.id)), { kind: 'done' });
    const failed = await h.store.requests.get(limited.id);
    assert.equal(failed?.state, 'failed');
    assert.equal(failed?.failure, 'unblock-limit-reached');

    h.simulator.restrict('busy@contoso.com');
    const busy = await h.seed('busy@contoso.com', ['pending_approval', 'approved']);
    h.simulator.setFaults({ exchange: { probability: 1, status: 503, retryAfterSeconds: 0 } });
    const outcome = await jobs.handlers.unblock(unblockJob(busy.id));
    assert.equal(outcome.kind, 'retry');
    assert.equal((await h.store.requests.get(busy.id))?.state, 'unblocking');
  });

  it('records the unblock when the sender left the list between the check and the call (NotFound)', async () => {
    h.simulator.restrict('race@contoso.com');
    const request = await h.seed('race@contoso.com', ['pending_approval', 'approved']);
    sinon.stub(h.tenant, 'unblockSender').rejects(new TenantError('NotFound', 'not on the list'));
    assert.deepEqual(await jobs.handlers.unblock(unblockJob(request.id)), { kind: 'done' });
    assert.equal((await h.store.requests.get(request.id))?.state, 'waiting_resume');
  });

  it('fails the request visibly when the worker gives the job up, but only for its current attempt', async () => {
    const current = await h.seed('spent@contoso.com', ['pending_approval', 'approved', 'unblocking']);
    await jobs.gaveUp({ ...unblockJob(current.id), attempts: 12 }, 'ServiceUnavailable: Exchange is busy');
    const failed = await h.store.requests.get(current.id);
    assert.equal(failed?.state, 'failed');
    assert.equal(failed?.failure, 'retries-exhausted');
    const entry = (await h.store.audit.listForRequest(current.id)).at(-1);
    assert.deepEqual(entry?.detail, {
      failure: 'retries-exhausted',
      error: 'ServiceUnavailable: Exchange is busy',
      attempts: 12,
    });
    assert.ok(
      await h.store.jobs.get(`notify:${current.id}:failed:${failed?.version}`),
      'the agent and card are told',
    );

    const retried = await h.seed('later@contoso.com', ['pending_approval', 'approved'], { attempt: 2 });
    await jobs.gaveUp(unblockJob(retried.id, 1), 'old attempt');
    assert.equal((await h.store.requests.get(retried.id))?.state, 'approved');
    assert.equal((await h.store.audit.listForRequest(retried.id)).at(-1)?.action, 'job.gave-up');
  });
});
