// What only the Azure store promises, on Azurite: the queue's visibility delay schedules jobs and its
// visibility timeout is the lease (on the real clock, not the contract's fixed instants), job ids elect one
// monitor job per period among many workers, a request commit survives a writer that stops half-way
// (outbox), and a job given up goes to the poison queue. Run by azure.test.ts with its Azurite.
import { strict as assert } from 'node:assert';
import { QueueClient } from '@azure/storage-queue';
import pino from 'pino';
import sinon from 'sinon';
import { monitorJob } from '../../src/requests/index.js';
import { AzureJobQueue } from '../../src/store/azure/jobs.js';
import { azureResourceNames, openAzureStore, type Store } from '../../src/store/index.js';
import { uniquePrefix } from '../support/azurite.js';
import { sampleRequest } from './sampleRequest.js';

const silent = pino({ level: 'silent' });

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function describeAzureQueue(connectionString: () => string): void {
  describe('Azure queue, outbox and poison queue', () => {
    let prefix: string;
    const opened: Store[] = [];
    /** Another process's view of the same account: a store of its own on the same prefix. */
    const open = async (options: { outboxGraceS?: number } = {}) => {
      const store = await openAzureStore({
        connection: { connectionString: connectionString() },
        prefix,
        logger: silent,
        // The table sweep would find what the queue is being tested for: only the queue may answer.
        jobSweepIntervalMs: 3600_000,
        ...options,
      });
      opened.push(store);
      return store;
    };
    const poisoned = async () => {
      const queue = new QueueClient(connectionString(), azureResourceNames(prefix).poisonQueue);
      const peeked = await queue.peekMessages({ numberOfMessages: 32 });
      return peeked.peekedMessageItems.map(
        (m) => JSON.parse(m.messageText) as { job?: { id: string }; error?: string },
      );
    };

    beforeEach(() => {
      prefix = uniquePrefix();
    });
    afterEach(async () => {
      sinon.restore();
      for (const store of opened.splice(0)) await store.close();
    });

    it('schedules a job with the visibility delay and hands it out when it is due', async () => {
      const store = await open();
      await store.jobs.enqueue({
        id: 'later',
        type: 'notify',
        payload: {},
        runAt: new Date(Date.now() + 1500),
      });
      assert.equal(await store.jobs.claim('worker-a', new Date(), 60_000), null, 'not before runAt');
      const job = await until('the job to become due', () =>
        store.jobs.claim('worker-a', new Date(), 60_000),
      );
      assert.equal(job.id, 'later');
      assert.ok(Date.now() >= Date.parse(job.runAt), 'handed out at runAt or later');
    });

    it("leases a job for its message's visibility timeout, then another worker takes it over", async () => {
      const [a, b] = [await open(), await open()];
      await a.jobs.enqueue({ id: 'job-1', type: 'unblock', payload: {} });
      const first = await a.jobs.claim('worker-a', new Date(), 1000);
      assert.equal(first?.owner, 'worker-a');
      assert.equal(await b.jobs.claim('worker-b', new Date(), 1000), null, 'hidden while leased');
      const taken = await until('the lease to run out', () => b.jobs.claim('worker-b', new Date(), 60_000));
      assert.deepEqual([taken.id, taken.owner, taken.attempts], ['job-1', 'worker-b', 2]);
      assert.equal(await a.jobs.complete('job-1', 'worker-a'), false, 'the first owner lost its lease');
      assert.equal(await b.jobs.complete('job-1', 'worker-b'), true);
      assert.equal(await a.jobs.claim('worker-a', new Date(), 60_000), null, 'its message is gone');
    });

    it('gives each of 60 jobs to exactly one of two processes claiming from the queue', async () => {
      const [a, b] = [await open(), await open()];
      const ids = Array.from({ length: 60 }, (_, i) => `job-${String(i).padStart(2, '0')}`);
      await Promise.all(ids.map((id) => a.jobs.enqueue({ id, type: 'notify', payload: { id } })));
      const drain = async (store: Store, owner: string) => {
        const claimed: string[] = [];
        for (
          let job = await store.jobs.claim(owner, new Date(), 60_000);
          job;
          job = await store.jobs.claim(owner, new Date(), 60_000)
        ) {
          claimed.push(job.id);
          assert.equal(await store.jobs.complete(job.id, owner), true);
        }
        return claimed;
      };
      const [mine, theirs] = await Promise.all([drain(a, 'a'), drain(b, 'b')]);
      assert.deepEqual([...mine, ...theirs].sort(), ids, 'every job handed out once: none lost, none twice');
      assert.ok(mine.length > 0 && theirs.length > 0, `both took turns (${mine.length} + ${theirs.length})`);
      assert.deepEqual(await a.jobs.counts(), { queued: 0, running: 0, done: 60, failed: 0 });
    });

    it('elects one monitor job per period among workers that all ask at once', async () => {
      const workers = await Promise.all([1, 2, 3, 4, 5].map(() => open()));
      const now = new Date();
      const added = await Promise.all(workers.map((w) => w.jobs.enqueue(monitorJob(now, 60_000))));
      assert.equal(added.filter(Boolean).length, 1, 'one conditional insert wins');
      const claimed = await workers[0]?.jobs.claim('w', new Date(), 60_000);
      assert.equal(claimed?.type, 'check-resumed');
      assert.equal(
        await workers[1]?.jobs.claim('w2', new Date(), 60_000),
        null,
        'one message: the losers deleted theirs',
      );
    });

    it("runs a commit's jobs when the writer stops between the commit and the dispatch", async () => {
      const writer = await open({ outboxGraceS: 1 });
      const worker = await open({ outboxGraceS: 1 });
      // The writer stops right after its transaction: nothing of the dispatch happens.
      sinon.stub(AzureJobQueue.prototype, 'dispatch').rejects(new Error('stopped'));
      const request = sampleRequest();
      const outcome = await writer.requests.commit({
        request,
        expectedVersion: null,
        audit: [],
        jobs: [{ id: 'notify:created', type: 'notify', payload: { requestId: request.id } }],
      });
      assert.equal(outcome.ok, true);
      assert.equal(await worker.jobs.get('notify:created'), null, 'not dispatched');
      sinon.restore();
      const job = await until('the outbox message', () => worker.jobs.claim('worker', new Date(), 60_000));
      assert.equal(job.id, 'notify:created');
      assert.deepEqual(job.payload, { requestId: request.id });
    });

    it('never runs the jobs of a commit that lost, even when the loser stopped before withdrawing them', async () => {
      const [winner, loser, worker] = [
        await open({ outboxGraceS: 1 }),
        await open({ outboxGraceS: 1 }),
        await open({ outboxGraceS: 1 }),
      ];
      const request = sampleRequest({ state: 'pending_approval' });
      await winner.requests.create(request);
      await winner.requests.update({ ...request, version: 2, state: 'approved' }, 1);
      sinon.stub(AzureJobQueue.prototype, 'discard').rejects(new Error('stopped'));
      const lost = await loser.requests
        .commit({
          request: { ...request, version: 2, state: 'rejected' },
          expectedVersion: 1,
          audit: [],
          jobs: [{ id: 'notify:rejected', type: 'notify', payload: {} }],
        })
        .catch(() => null);
      assert.notEqual(lost?.ok, true);
      sinon.restore();
      // Past the grace period the message is looked at: no outbox row, no job row: never run.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      for (let i = 0; i < 3; i++) assert.equal(await worker.jobs.claim('worker', new Date(), 60_000), null);
      assert.equal(await worker.jobs.get('notify:rejected'), null);
    });

    it('keeps a job that was given up on the poison queue', async () => {
      const store = await open();
      await store.jobs.enqueue({ id: 'unblock:x', type: 'unblock', payload: { requestId: 'x' } });
      await store.jobs.claim('worker', new Date(), 60_000);
      assert.equal(
        await store.jobs.fail('unblock:x', 'worker', 'handed out 13 times without an outcome'),
        true,
      );
      const [record] = await poisoned();
      assert.equal(record?.job?.id, 'unblock:x');
      assert.equal(record?.error, 'handed out 13 times without an outcome');
      assert.equal(
        await store.jobs.claim('worker', new Date(), 60_000),
        null,
        'its message left the job queue',
      );
    });
  });
}
