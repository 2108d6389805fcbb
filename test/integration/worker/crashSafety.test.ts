// Crash safety: worker processes (as `npm run worker` runs them) are killed with SIGKILL at random points
// while they unblock, and restarted, many times. No request may be lost and no sender may be unblocked twice.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unblockJobId } from '../../../src/requests/index.js';
import type { UnblockRequest } from '../../../src/runbook/index.js';
import { openSqliteStore, type Store } from '../../../src/store/index.js';
import { SEED, TenantSimulator } from '../../../src/tenant/index.js';
import { seededRandom } from '../../../src/tenant/simulator/index.js';
import { compiledAppCommand, type StartedProcess, startProcess } from '../../support/processes.js';
import { requestThrough } from '../../support/requests.js';

const projectRoot = path.resolve(__dirname, '../../..');
const REQUESTS = 30;
const KILLED_RUNS = 12;

async function approvedRequest(store: Store, address: string): Promise<UnblockRequest> {
  const request = requestThrough(address, ['pending_approval', 'approved'], {
    decidedBy: { aadObjectId: SEED.users.approver.id, name: 'Patti Fernandez' },
    decidedAt: new Date().toISOString(),
  });
  assert.ok(await store.requests.create(request));
  await store.jobs.enqueue({
    id: unblockJobId(request.id),
    type: 'unblock',
    payload: { requestId: request.id },
  });
  return request;
}

describe('worker crash safety', function () {
  this.timeout(180_000);
  let dataDir: string;
  let simulator: TenantSimulator;
  let worker: StartedProcess | null = null;

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-crash-'));
    // Occasional throttling makes crashes land in retry paths too.
    simulator = new TenantSimulator({
      releaseDelayMs: 60_000,
      unblockLimitPerDay: 100,
      faults: { exchange: { probability: 0.15, status: 429, retryAfterSeconds: 0 } },
      randomSeed: 7,
    });
    await simulator.start();
  });
  after(async () => {
    worker?.signal('SIGKILL');
    await simulator.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loses no request and unblocks each sender exactly once across SIGKILLs at random points', async () => {
    const store = openSqliteStore({ dataDir });
    const addresses = Array.from({ length: REQUESTS }, (_, i) => `crash${i}@contoso.com`);
    for (const address of addresses) simulator.restrict(address);
    const ids: string[] = [];
    for (const address of addresses) ids.push((await approvedRequest(store, address)).id);
    const env = {
      DATA_DIR: dataDir,
      SIMULATOR_URL: simulator.baseUrl,
      WORKER_POLL_INTERVAL_MS: '10',
      WORKER_LEASE_S: '0.5',
      RESUME_POLL_INTERVAL_S: '3600',
      LOG_LEVEL: 'warn',
    };
    const random = seededRandom(42);
    const unfinished = async () => {
      const states = await Promise.all(ids.map(async (id) => (await store.requests.get(id))?.state));
      return states.filter((s) => s !== 'waiting_resume').length;
    };
    let kills = 0;
    const { command, args } = compiledAppCommand('worker');
    const startWorker = () => startProcess(command, args, env, projectRoot);
    for (let run = 0; run < KILLED_RUNS && (await unfinished()) > 0; run++) {
      // Killed after a random number (1–8) of this run's Exchange calls: somewhere inside the batch, however
      // fast the machine is.
      const killAt = simulator.calls().length + 1 + Math.floor(random() * 8);
      worker = startWorker();
      const deadline = Date.now() + 30_000;
      while (simulator.calls().length < killAt && Date.now() < deadline && worker.child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      worker.signal('SIGKILL');
      await worker.exited;
      kills += 1;
    }
    // A last run without a kill finishes whatever is left.
    worker = startWorker();
    const deadline = Date.now() + 60_000;
    while ((await unfinished()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    worker.signal('SIGTERM');
    await worker.exited;

    assert.ok(kills >= 3, `killed ${kills} times`);
    assert.equal(await unfinished(), 0, 'every request reached waiting_resume: none lost');
    const removes = simulator
      .calls()
      .filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress' && c.status < 300)
      .map((c) => String(c.parameters?.SenderAddress).toLowerCase());
    for (const address of addresses) {
      assert.equal(removes.filter((a) => a === address).length, 1, `${address} unblocked exactly once`);
    }
    for (const id of ids) {
      const job = await store.jobs.get(unblockJobId(id));
      assert.equal(job?.status, 'done');
    }
    await store.close();
  });
});
