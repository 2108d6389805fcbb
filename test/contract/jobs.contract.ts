// The job-queue part of the store contract, run by describeStoreContract for every Store implementation.
// Time is always passed in (`now`), so lease expiry is tested without waiting or fake timers.
import { strict as assert } from 'node:assert';
import type { Job, JobStatus, Store } from '../../src/store/index.js';

/** A fixed instant: 2024-05-01 09:00 UTC plus the given minutes and seconds. */
function at(minutes: number, seconds = 0): Date {
  return new Date(Date.UTC(2024, 4, 1, 9, minutes, seconds));
}

const minute = 60_000;

function counted(counts: Partial<Record<JobStatus, number>>): Record<JobStatus, number> {
  return { queued: 0, running: 0, done: 0, failed: 0, ...counts };
}

/** Claims until nothing is due, giving other claimers a turn between claims; returns the ids claimed. */
async function claimAll(store: Store, owner: string, now: Date): Promise<string[]> {
  const claimed: string[] = [];
  for (
    let job = await store.jobs.claim(owner, now, minute);
    job;
    job = await store.jobs.claim(owner, now, minute)
  ) {
    claimed.push(job.id);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return claimed;
}

export function describeJobQueueContract(currentStore: () => Store): void {
  describe('job queue', () => {
    let store: Store;

    beforeEach(() => {
      store = currentStore();
    });

    async function enqueueAt(id: string, runAt: Date): Promise<void> {
      assert.equal(
        await store.jobs.enqueue({ id, type: 'unblock', payload: { requestId: id }, runAt }),
        true,
      );
    }

    it('returns a new job as queued, with no attempts and no owner', async () => {
      const payload = { requestId: 'req-1', nested: { locale: 'sl-SI', steps: [1, 2] } };
      await store.jobs.enqueue({ id: 'unblock:req-1', type: 'unblock', payload, runAt: at(5) });
      const expected: Job = {
        id: 'unblock:req-1',
        type: 'unblock',
        payload,
        status: 'queued',
        runAt: at(5).toISOString(),
        attempts: 0,
        lastError: null,
        owner: null,
        leaseUntil: null,
      };
      assert.deepEqual(await store.jobs.get('unblock:req-1'), expected);
      assert.equal(await store.jobs.get('unblock:missing'), null);
    });

    it('runs a job enqueued without runAt from now on', async () => {
      const before = new Date().toISOString();
      await store.jobs.enqueue({ id: 'notify:1', type: 'notify', payload: {} });
      const after = new Date().toISOString();
      const runAt = (await store.jobs.get('notify:1'))?.runAt ?? '';
      assert.ok(before <= runAt && runAt <= after, `${runAt} is not between ${before} and ${after}`);
    });

    it('adds a job id only once, keeping the first payload, even after the job is done', async () => {
      const first = { id: 'unblock:req-1', type: 'unblock', payload: { n: 1 }, runAt: at(0) } as const;
      assert.equal(await store.jobs.enqueue(first), true);
      assert.equal(await store.jobs.enqueue({ ...first, payload: { n: 2 }, runAt: at(1) }), false);
      assert.deepEqual((await store.jobs.get(first.id))?.payload, { n: 1 });

      await store.jobs.claim('worker-a', at(0), minute);
      assert.equal(await store.jobs.complete(first.id, 'worker-a'), true);
      assert.equal(await store.jobs.enqueue({ ...first, payload: { n: 3 } }), false);
      const done = await store.jobs.get(first.id);
      assert.equal(done?.status, 'done');
      assert.deepEqual(done?.payload, { n: 1 });
      assert.deepEqual(await store.jobs.counts(), counted({ done: 1 }));
    });

    it('claims the job that is due first, whatever the order of enqueueing', async () => {
      await enqueueAt('job-c', at(3));
      await enqueueAt('job-a', at(1));
      await enqueueAt('job-b', at(2));
      assert.deepEqual(await claimAll(store, 'worker-a', at(10)), ['job-a', 'job-b', 'job-c']);
    });

    it('leases a claimed job to its owner and counts the attempt', async () => {
      await enqueueAt('job-a', at(0));
      const job = await store.jobs.claim('worker-a', at(2), 5 * minute);
      assert.deepEqual(job, {
        id: 'job-a',
        type: 'unblock',
        payload: { requestId: 'job-a' },
        status: 'running',
        runAt: at(0).toISOString(),
        attempts: 1,
        lastError: null,
        owner: 'worker-a',
        leaseUntil: at(7).toISOString(),
      });
      assert.deepEqual(await store.jobs.get('job-a'), job);
    });

    it('claims nothing when the queue is empty', async () => {
      assert.equal(await store.jobs.claim('worker-a', at(0), minute), null);
    });

    it('does not claim a job before its runAt, and claims it at runAt', async () => {
      await enqueueAt('job-a', at(5));
      assert.equal(await store.jobs.claim('worker-a', at(4, 59), minute), null);
      assert.equal((await store.jobs.claim('worker-a', at(5), minute))?.id, 'job-a');
    });

    it('leaves a leased job alone until the lease runs out, then lets another owner take it over', async () => {
      await enqueueAt('job-a', at(0));
      await store.jobs.claim('worker-a', at(0), minute);
      assert.equal(await store.jobs.claim('worker-b', at(0, 30), minute), null);
      assert.equal(await store.jobs.claim('worker-b', at(1), minute), null, 'the lease holds up to its end');

      const takenOver = await store.jobs.claim('worker-b', at(1, 1), minute);
      assert.equal(takenOver?.id, 'job-a');
      assert.equal(takenOver?.owner, 'worker-b');
      assert.equal(takenOver?.attempts, 2);
      assert.equal(takenOver?.leaseUntil, at(2, 1).toISOString());

      assert.equal(await store.jobs.complete('job-a', 'worker-a'), false);
      assert.equal(await store.jobs.retry('job-a', 'worker-a', at(5), 'late'), false);
      assert.equal(await store.jobs.fail('job-a', 'worker-a', 'late'), false);
      assert.deepEqual(await store.jobs.get('job-a'), takenOver);
      assert.equal(await store.jobs.complete('job-a', 'worker-b'), true);
      assert.equal((await store.jobs.get('job-a'))?.status, 'done');
    });

    it('lets only the owner end a job, and only while it is running', async () => {
      await enqueueAt('job-a', at(0));
      assert.equal(await store.jobs.complete('job-a', 'worker-a'), false, 'not claimed yet');
      assert.equal(await store.jobs.complete('job-missing', 'worker-a'), false);
      await store.jobs.claim('worker-a', at(0), minute);
      assert.equal(await store.jobs.complete('job-a', 'worker-b'), false);
      assert.equal(await store.jobs.fail('job-a', 'worker-b', 'not mine'), false);
      assert.equal(await store.jobs.complete('job-a', 'worker-a'), true);
      assert.equal(await store.jobs.complete('job-a', 'worker-a'), false, 'already done');
      assert.equal(await store.jobs.fail('job-a', 'worker-a', 'too late'), false);
      assert.equal(await store.jobs.claim('worker-a', at(59), minute), null, 'a done job is never due');
    });

    it('releases a retried job until its new runAt, with the error and without an owner', async () => {
      await enqueueAt('job-a', at(0));
      await store.jobs.claim('worker-a', at(0), minute);
      assert.equal(await store.jobs.retry('job-a', 'worker-a', at(10), 'throttled (429)'), true);
      assert.deepEqual(await store.jobs.get('job-a'), {
        id: 'job-a',
        type: 'unblock',
        payload: { requestId: 'job-a' },
        status: 'queued',
        runAt: at(10).toISOString(),
        attempts: 1,
        lastError: 'throttled (429)',
        owner: null,
        leaseUntil: null,
      });
      assert.equal(await store.jobs.retry('job-a', 'worker-a', at(20), 'again'), false, 'no longer held');
      assert.equal(await store.jobs.claim('worker-b', at(9), minute), null);
      const second = await store.jobs.claim('worker-b', at(10), minute);
      assert.equal(second?.attempts, 2);
      assert.equal(second?.owner, 'worker-b');
    });

    it('ends a failed job with its error and never claims it again', async () => {
      await enqueueAt('job-a', at(0));
      await store.jobs.claim('worker-a', at(0), minute);
      assert.equal(await store.jobs.fail('job-a', 'worker-a', 'mailbox not found'), true);
      const failed = await store.jobs.get('job-a');
      assert.equal(failed?.status, 'failed');
      assert.equal(failed?.lastError, 'mailbox not found');
      assert.equal(failed?.attempts, 1);
      assert.equal(await store.jobs.claim('worker-b', at(59), minute), null);
      assert.equal(await store.jobs.complete('job-a', 'worker-a'), false);
    });

    it('counts the jobs in every status, zero for none', async () => {
      assert.deepEqual(await store.jobs.counts(), counted({}));
      for (const id of ['job-1', 'job-2', 'job-3', 'job-4', 'job-5']) await enqueueAt(id, at(0));
      const [done, failed, retried] = await claimAll(store, 'worker-a', at(0));
      assert.ok(done && failed && retried);
      await store.jobs.complete(done, 'worker-a');
      await store.jobs.fail(failed, 'worker-a', 'gave up');
      await store.jobs.retry(retried, 'worker-a', at(30), 'throttled');
      assert.deepEqual(await store.jobs.counts(), counted({ queued: 1, running: 2, done: 1, failed: 1 }));
    });

    it('tells when the next queued job is due, ignoring jobs that are not queued', async () => {
      assert.equal(await store.jobs.nextRunAt(), null);
      await enqueueAt('job-late', at(30));
      await enqueueAt('job-early', at(10));
      assert.equal(await store.jobs.nextRunAt(), at(10).toISOString());
      await store.jobs.claim('worker-a', at(10), minute);
      assert.equal(await store.jobs.nextRunAt(), at(30).toISOString());
      await store.jobs.retry('job-early', 'worker-a', at(20), 'throttled');
      assert.equal(await store.jobs.nextRunAt(), at(20).toISOString());
      await claimAll(store, 'worker-a', at(30));
      assert.equal(await store.jobs.nextRunAt(), null);
    });

    it('gives each of 20 jobs to exactly one of 5 concurrent claimers', async () => {
      const ids = Array.from({ length: 20 }, (_, i) => `job-${String(i).padStart(2, '0')}`);
      for (const id of ids) await enqueueAt(id, at(0));
      const claimers = ['w1', 'w2', 'w3', 'w4', 'w5'];
      const claimed = await Promise.all(claimers.map((owner) => claimAll(store, owner, at(1))));
      assert.deepEqual(claimed.flat().sort(), ids);
      assert.ok(claimed.filter((own) => own.length > 0).length > 1, 'the claimers took turns');
      assert.deepEqual(await store.jobs.counts(), counted({ running: 20 }));
      for (const [i, owner] of claimers.entries()) {
        for (const id of claimed[i] ?? []) assert.equal((await store.jobs.get(id))?.owner, owner);
      }
    });
  });
}
