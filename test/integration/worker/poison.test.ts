// A poison job: an unblock whose worker stops every time it runs it (killed, out of memory), so its lease
// runs out again and again and it never gets an outcome. Once it has been handed out more often than the
// retry budget, the next worker gives it up without running it, its request fails visibly through the
// lifecycle ('retries-exhausted', retryable by an approver), and on Azure Storage it lands in the poison
// queue. The same on both stores.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { QueueClient } from '@azure/storage-queue';
import pino from 'pino';
import { unblockJobId } from '../../../src/requests/index.js';
import { azureResourceNames, openAzureStore, openSqliteStore, type Store } from '../../../src/store/index.js';
import { type Azurite, startAzurite, uniquePrefix } from '../../support/azurite.js';
import { requestThrough } from '../../support/requests.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';
import { until } from '../../support/until.js';

const MAX_ATTEMPTS = 2;

/** An approved request whose unblock job was taken MAX_ATTEMPTS times by workers that then died. */
async function poisonedRequest(store: Store): Promise<string> {
  const request = requestThrough('poison@contoso.com', ['pending_approval', 'approved']);
  assert.ok(await store.requests.create(request));
  await store.jobs.enqueue({
    id: unblockJobId(request.id),
    type: 'unblock',
    payload: { requestId: request.id },
  });
  for (let dead = 1; dead <= MAX_ATTEMPTS; dead++) {
    // Each dead worker claims with a 1 s lease and never settles; the next one gets it when the lease ends.
    await until(`dead worker ${dead}'s claim`, () =>
      store.jobs.claim(`dead-worker-${dead}`, new Date(), 1000),
    );
  }
  return request.id;
}

describe('a job whose workers keep dying', function () {
  this.timeout(60_000);
  let t: TestApp | null = null;
  afterEach(async () => {
    await t?.stop();
    t = null;
  });

  async function runWorkerAndExpectFailure(env: Record<string, string>, requestId: string, dataDir?: string) {
    t = await startTestApp(
      { ...env, JOB_MAX_ATTEMPTS: String(MAX_ATTEMPTS), WORKER_LEASE_S: '1', WORKER_POLL_INTERVAL_MS: '50' },
      dataDir ? { dataDir } : {},
    );
    t.app.simulator?.restrict('poison@contoso.com');
    const app = t.app;
    const failed = await until('the request to fail', async () => {
      const request = await app.store.requests.get(requestId);
      return request?.state === 'failed' ? request : null;
    });
    assert.equal(failed.failure, 'retries-exhausted');
    const entry = (await app.store.audit.listForRequest(requestId)).find((e) => e.toState === 'failed');
    assert.match(String(entry?.detail.error), /handed out 3 times without an outcome/);
    const calls = app.simulator?.calls().filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress') ?? [];
    assert.equal(calls.length, 0, 'the poison job was not run again');
    // The request fails first (onGiveUp), then the job is ended.
    await until(
      'the job to end as failed',
      async () => (await app.store.jobs.get(unblockJobId(requestId)))?.status === 'failed',
    );
  }

  it('fails the request instead of running it again (SQLite)', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-poison-'));
    try {
      const store = openSqliteStore({ dataDir });
      const requestId = await poisonedRequest(store);
      await store.close();
      await runWorkerAndExpectFailure({}, requestId, dataDir);
    } finally {
      await t?.stop();
      t = null;
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  describe('on Azure Storage', () => {
    let azurite: Azurite;
    before(async () => {
      azurite = await startAzurite();
    });
    after(async () => {
      await azurite?.stop();
    });

    it('fails the request instead of running it again, and keeps the job on the poison queue', async () => {
      const prefix = uniquePrefix();
      const connection = { connectionString: azurite.connectionString };
      const store = await openAzureStore({ connection, prefix, logger: pino({ level: 'silent' }) });
      const requestId = await poisonedRequest(store);
      const env = {
        STORE: 'azure',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        AZURE_STORAGE_PREFIX: prefix,
      };
      await runWorkerAndExpectFailure(env, requestId);
      const poison = new QueueClient(azurite.connectionString, azureResourceNames(prefix).poisonQueue);
      // The job is ended as failed first, then written to the poison queue.
      const records = await until('the poison queue record', async () => {
        const { peekedMessageItems } = await poison.peekMessages({ numberOfMessages: 32 });
        return peekedMessageItems.length > 0
          ? peekedMessageItems.map((m) => JSON.parse(m.messageText) as { job?: { id: string } })
          : null;
      });
      assert.deepEqual(
        records.map((r) => r.job?.id),
        [unblockJobId(requestId)],
      );
    });
  });
});
