// The reconciler's account of what it found and did, on SQLite and the simulated tenant: requests in flight
// longer than the stuck threshold (and not a millisecond earlier), missing jobs queued, given-up jobs failed,
// and nothing repaired or counted when the request changed between the listing and the repair.
import { strict as assert } from 'node:assert';
import { unblockJobId } from '../../../src/requests/index.js';
import { reconcile } from '../../../src/requests/reconciler.js';
import type { UnblockRequest } from '../../../src/runbook/index.js';
import type { RequestStore } from '../../../src/store/index.js';
import { type Harness, openHarness } from './harness.js';

const hour = 3600_000;

describe('reconciler', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await openHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const run = (requests: RequestStore = h.store.requests) =>
    reconcile({
      requests,
      jobs: h.store.jobs,
      ledger: h.ledger,
      logger: h.logger,
      now: h.now,
      stuckAfterMs: hour,
    });

  async function withJob(request: UnblockRequest): Promise<UnblockRequest> {
    await h.store.jobs.enqueue({
      id: unblockJobId(request.id),
      type: 'unblock',
      payload: { requestId: request.id },
    });
    return request;
  }

  it('reports a request in flight longer than the stuck threshold, and not one exactly at it', async () => {
    const waiting = await withJob(await h.seed('slow@contoso.com', ['pending_approval', 'approved']));
    const since = Date.parse(waiting.updatedAt);

    h.clock.now = new Date(since + hour);
    assert.deepEqual(await run(), { inFlight: 1, requeued: 0, failed: 0, stuck: [] });
    h.clock.now = new Date(since + hour + 1);
    assert.deepEqual(await run(), { inFlight: 1, requeued: 0, failed: 0, stuck: [waiting.id] });
    assert.equal((await h.store.requests.get(waiting.id))?.version, waiting.version, 'reported, not changed');
  });

  it('counts the jobs it queued and the requests it failed', async () => {
    const orphan = await h.seed('orphan@contoso.com', ['pending_approval', 'approved']);
    const spent = await withJob(
      await h.seed('spent@contoso.com', ['pending_approval', 'approved', 'unblocking']),
    );
    const claimed = await h.store.jobs.claim('w', new Date(), 60_000);
    assert.ok(claimed && (await h.store.jobs.fail(claimed.id, 'w', 'ServiceUnavailable: Exchange is busy')));
    h.clock.now = new Date(Date.parse(spent.updatedAt));

    assert.deepEqual(await run(), { inFlight: 2, requeued: 1, failed: 1, stuck: [] });
    assert.equal((await h.store.jobs.get(unblockJobId(orphan.id)))?.status, 'queued');
    const failed = await h.store.requests.get(spent.id);
    assert.equal(failed?.failure, 'retries-exhausted');
    assert.deepEqual((await h.store.audit.listForRequest(spent.id)).at(-1)?.detail, {
      failure: 'retries-exhausted',
      error: 'ServiceUnavailable: Exchange is busy',
      attempts: 1,
    });
    assert.deepEqual(
      await run(),
      { inFlight: 1, requeued: 0, failed: 0, stuck: [] },
      'nothing left to repair',
    );
  });

  it('repairs and counts nothing when the request changed since it was listed', async () => {
    const orphan = await h.seed('orphan@contoso.com', ['pending_approval', 'approved']);
    const spent = await withJob(
      await h.seed('spent@contoso.com', ['pending_approval', 'approved', 'unblocking']),
    );
    const claimed = await h.store.jobs.claim('w', new Date(), 60_000);
    assert.ok(claimed && (await h.store.jobs.fail(claimed.id, 'w', 'ServiceUnavailable')));
    h.clock.now = new Date(Date.parse(spent.updatedAt));
    // The listing is one version behind the store: another worker changed each request in between.
    for (const request of [orphan, spent]) {
      const changed = await h.ledger.amend(
        request,
        {},
        { actor: null, conversationId: null, action: 'job.gave-up', detail: {} },
      );
      assert.ok(changed.ok);
    }
    const stale: RequestStore = Object.create(h.store.requests, {
      listInStates: { value: async () => [orphan, spent] },
    });

    assert.deepEqual(await run(stale), { inFlight: 2, requeued: 0, failed: 0, stuck: [] });
    assert.equal(await h.store.jobs.get(unblockJobId(orphan.id)), null);
    assert.equal((await h.store.requests.get(spent.id))?.state, 'unblocking');
  });
});
