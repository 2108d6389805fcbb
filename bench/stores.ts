// The two stores side by side in one run: SQLite in a temporary directory and Azure Storage on Azurite
// (started here, on loopback). For each: how many jobs per second two job runners get through (no-op jobs,
// so the store is what is measured), and how long from an approver's click to the Remove-BlockedSenderAddress
// call, through the real bot and the in-process worker. Azurite is an emulator in one Node process on this
// machine: its numbers show the cost of the store's round trips, not Azure's own latency.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { openAzureStore, openSqliteStore, type Store } from '../src/store/index.js';
import { JobRunner } from '../src/worker/jobRunner.js';
import { type Azurite, startAzurite, uniquePrefix } from '../test/support/azurite.js';
import { approve } from '../test/support/flows.js';
import { requestThrough } from '../test/support/requests.js';
import { startTestApp } from '../test/support/testApp.js';
import { median, percentile } from './load.js';

export interface StoreResult {
  store: string;
  jobs: number;
  enqueuePerSecond: number;
  jobsPerSecond: number;
  approvals: number;
  /** Approver's click sent → Remove-BlockedSenderAddress answered by the simulated tenant. */
  approvalToUnblockP50Ms: number;
  approvalToUnblockP95Ms: number;
}

const silent = pino({ level: 'silent' });

async function jobThroughput(
  store: Store,
  jobs: number,
): Promise<{ enqueuePerSecond: number; jobsPerSecond: number }> {
  const enqueueStarted = performance.now();
  for (let i = 0; i < jobs; i++)
    await store.jobs.enqueue({ id: `bench-job-${i}`, type: 'notify', payload: { i } });
  const enqueueMs = performance.now() - enqueueStarted;
  const done = async () => ({ kind: 'done' as const });
  const runners = [1, 2].map(
    () =>
      new JobRunner({
        jobs: store.jobs,
        handlers: { notify: done, unblock: done, 'check-resumed': done },
        logger: silent,
      }),
  );
  const started = performance.now();
  const ran = (await Promise.all(runners.map((runner) => runner.drain()))).reduce((a, b) => a + b, 0);
  const runMs = performance.now() - started;
  if (ran !== jobs) throw new Error(`ran ${ran} of ${jobs} jobs`);
  return { enqueuePerSecond: (jobs * 1000) / enqueueMs, jobsPerSecond: (jobs * 1000) / runMs };
}

async function approvalLatency(env: Record<string, string>, approvals: number): Promise<number[]> {
  const t = await startTestApp({ ...env, LOG_LEVEL: 'warn', RESUME_POLL_INTERVAL_S: '3600' });
  try {
    const { store, simulator } = t.app;
    if (!simulator) throw new Error('the bench needs the in-process simulator');
    const latencies: number[] = [];
    for (let i = 0; i < approvals; i++) {
      const address = `latency${i}@contoso.com`;
      simulator.restrict(address);
      const request = requestThrough(address, ['pending_approval']);
      await store.requests.create(request);
      const clicked = Date.now();
      await approve(t, request.id);
      const deadline = Date.now() + 30_000;
      for (;;) {
        const call = simulator
          .calls()
          .find((c) => c.cmdlet === 'Remove-BlockedSenderAddress' && c.parameters?.SenderAddress === address);
        if (call) {
          latencies.push(Date.parse(call.at) - clicked);
          break;
        }
        if (Date.now() > deadline) throw new Error(`no unblock for ${address}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    }
    return latencies;
  } finally {
    await t.stop();
  }
}

function resultOf(
  store: string,
  jobs: number,
  throughput: { enqueuePerSecond: number; jobsPerSecond: number },
  latencies: number[],
): StoreResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    store,
    jobs,
    ...throughput,
    approvals: latencies.length,
    approvalToUnblockP50Ms: median(latencies),
    approvalToUnblockP95Ms: percentile(sorted, 95),
  };
}

export async function measureStores(jobs: number, approvals: number): Promise<StoreResult[]> {
  const results: StoreResult[] = [];
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-bench-store-'));
  let azurite: Azurite | null = null;
  try {
    const sqlite = openSqliteStore({ dataDir: path.join(dataDir, 'jobs') });
    const sqliteThroughput = await jobThroughput(sqlite, jobs);
    await sqlite.close();
    const sqliteLatency = await approvalLatency({ DATA_DIR: path.join(dataDir, 'app') }, approvals);
    results.push(resultOf('SQLite (WAL, temp dir)', jobs, sqliteThroughput, sqliteLatency));

    azurite = await startAzurite();
    const connection = { connectionString: azurite.connectionString };
    const azure = await openAzureStore({ connection, prefix: uniquePrefix(), logger: silent });
    const azureThroughput = await jobThroughput(azure, jobs);
    const azureLatency = await approvalLatency(
      {
        STORE: 'azure',
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        AZURE_STORAGE_PREFIX: uniquePrefix(),
      },
      approvals,
    );
    results.push(resultOf('Azure Storage (Azurite)', jobs, azureThroughput, azureLatency));
  } finally {
    await azurite?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  return results;
}
