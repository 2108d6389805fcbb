// The job runner's retry budget on a real SQLite queue: retried until JOB_MAX_ATTEMPTS, then reported to
// the lifecycle (onGiveUp) before it is marked failed, exactly once.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openSqliteStore, type Store } from '../../../src/store/index.js';
import { JobRunner } from '../../../src/worker/jobRunner.js';

describe('job runner', () => {
  let store: Store;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-runner-'));
    store = openSqliteStore({ dataDir });
  });
  afterEach(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function runner(
    outcome: () => { kind: 'retry'; error: string; delayMs?: number } | { kind: 'done' },
    gaveUp: string[],
    step = 86_400_000,
  ) {
    const clock = { at: Date.now() };
    const handler = async () => outcome();
    return {
      runner: new JobRunner({
        jobs: store.jobs,
        handlers: {
          unblock: handler,
          notify: handler,
          'check-resumed': handler,
          detect: handler,
          wave: handler,
        },
        onGiveUp: async (job, error) => {
          gaveUp.push(`${job.id}@${job.attempts}:${error}`);
        },
        logger: pino({ enabled: false }),
        // Each claim happens `step` later (a day by default, so every back-off has passed).
        now: () => {
          clock.at += step;
          return new Date(clock.at);
        },
        random: () => 0.5,
        budget: { maxAttempts: 4, baseBackoffMs: 1000, maxBackoffMs: 5000 },
      }),
      clock,
    };
  }

  it('retries up to the budget, then reports the job once and marks it failed', async () => {
    const gaveUp: string[] = [];
    const { runner: r } = runner(() => ({ kind: 'retry', error: 'ServiceUnavailable' }), gaveUp);
    await store.jobs.enqueue({ id: 'unblock:x', type: 'unblock', payload: { requestId: 'x' } });
    const ran = await r.drain();
    assert.equal(ran, 4);
    assert.deepEqual(gaveUp, ['unblock:x@4:ServiceUnavailable']);
    const job = await store.jobs.get('unblock:x');
    assert.equal(job?.status, 'failed');
    assert.equal(job?.attempts, 4);
  });

  it('schedules the next attempt after the back-off (equal jitter: three quarters of the ceiling at random 0.5)', async () => {
    const { runner: r, clock } = runner(() => ({ kind: 'retry', error: 'busy' }), [], 0);
    await store.jobs.enqueue({
      id: 'notify:y',
      type: 'notify',
      payload: {},
      runAt: new Date(clock.at - 1000),
    });
    assert.equal(await r.runOne(), true);
    const job = await store.jobs.get('notify:y');
    assert.equal(job?.status, 'queued');
    assert.equal(Date.parse(job?.runAt ?? ''), clock.at + 750);
  });

  it('waits what the API asked for (Retry-After) instead of the back-off', async () => {
    const { runner: r, clock } = runner(
      () => ({ kind: 'retry', error: 'throttled', delayMs: 30_000 }),
      [],
      0,
    );
    await store.jobs.enqueue({
      id: 'notify:z',
      type: 'notify',
      payload: {},
      runAt: new Date(clock.at - 1000),
    });
    await r.runOne();
    assert.equal(Date.parse((await store.jobs.get('notify:z'))?.runAt ?? ''), clock.at + 30_000);
  });

  it('completes a job that is done, without reporting it', async () => {
    const gaveUp: string[] = [];
    const { runner: r } = runner(() => ({ kind: 'done' }), gaveUp);
    await store.jobs.enqueue({ id: 'check-resumed:1', type: 'check-resumed', payload: {} });
    assert.equal(await r.drain(), 1);
    assert.equal((await store.jobs.get('check-resumed:1'))?.status, 'done');
    assert.deepEqual(gaveUp, []);
  });
});
