// The store contract on SQLite in a temporary directory, plus what only SQLite promises: durability across
// restarts, one file shared by two stores (bot + worker), an audit table that refuses changes, WAL mode
// and migrations that are safe to re-run.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import sinon from 'sinon';
import {
  openSqliteStore,
  StateConflictError,
  type Store,
  StoreUnavailableError,
} from '../../src/store/index.js';
import { schemaVersion } from '../../src/store/sqlite/migrations.js';
import { SqliteRequestSearch } from '../../src/store/sqlite/search.js';
import { sampleAuditEvent, sampleRequest } from './sampleRequest.js';
import { describeRequestSearchContract } from './search.contract.js';
import { describeStoreContract } from './store.contract.js';

const fileName = 'unblock-assistant.db';

async function makeTempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'unblock-store-'));
}

describeStoreContract('sqlite', async () => {
  const dataDir = await makeTempDir();
  const store = openSqliteStore({ dataDir });
  return {
    store,
    async cleanup() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

describeRequestSearchContract('sqlite', async () => {
  const dataDir = await makeTempDir();
  const store = openSqliteStore({ dataDir });
  return {
    store,
    async cleanup() {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
});

describe('SQLite store', () => {
  let dataDir: string;
  const opened: Store[] = [];

  function open(options: Partial<Parameters<typeof openSqliteStore>[0]> = {}): Store {
    const store = openSqliteStore({ dataDir, ...options });
    opened.push(store);
    return store;
  }

  /** A raw connection, to look at or tamper with the file the way another tool would. */
  function rawDatabase(): Database.Database {
    return new Database(path.join(dataDir, fileName));
  }

  beforeEach(async () => {
    dataDir = await makeTempDir();
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps requests, audit and state across a close and reopen', async () => {
    const request = sampleRequest();
    const event = sampleAuditEvent();
    const before = open();
    await before.requests.create(request);
    await before.audit.append(event);
    await before.conversations.saveReference('agent:1', { serviceUrl: 'https://smba.example/' });
    await before.state.write({ 'conv/1': { value: { step: 2 } } });
    const eTag = (await before.state.read(['conv/1']))['conv/1']?.eTag;
    await before.close();

    const after = open();
    assert.deepEqual(await after.requests.get(request.id), request);
    assert.deepEqual(await after.audit.listForRequest(request.id), [event]);
    assert.deepEqual(await after.conversations.getReference('agent:1'), {
      serviceUrl: 'https://smba.example/',
    });
    assert.deepEqual(await after.state.read(['conv/1']), { 'conv/1': { value: { step: 2 }, eTag } });
  });

  it("shares one file between two stores that see each other's writes", async () => {
    const bot = open();
    const worker = open();
    const request = sampleRequest();
    await bot.requests.create(request);
    assert.deepEqual(await worker.requests.get(request.id), request);
    assert.equal(await worker.requests.create(request), false);
    await worker.audit.append(sampleAuditEvent());
    assert.equal((await bot.audit.listForRequest(request.id)).length, 1);
    await bot.state.write({ 'conv/1': { value: { step: 1 } } });
    const eTag = (await worker.state.read(['conv/1']))['conv/1']?.eTag;
    await worker.state.write({ 'conv/1': { value: { step: 2 }, eTag } });
    await assert.rejects(bot.state.write({ 'conv/1': { value: { step: 3 }, eTag } }), StateConflictError);
  });

  it('keeps the compare-and-set across two stores on the same file', async () => {
    const stores = [open(), open()];
    const request = sampleRequest({ state: 'pending_approval' });
    await stores[0]?.requests.create(request);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        stores[i % 2]?.requests.update(
          { ...request, version: 2, state: 'approved', decisionComment: `#${i}` },
          1,
        ),
      ),
    );
    assert.equal(outcomes.filter((outcome) => outcome?.ok).length, 1);
  });

  it('loses no update when two processes race on the same request', async function () {
    this.timeout(30_000);
    const rounds = 100;
    const store = open();
    const request = sampleRequest();
    await store.requests.create(request);
    const child = startChildRacer(dataDir, request.id, rounds);
    await child.ready;
    const wins = await raceUpdates(store, request.id, rounds);
    const childWins = await child.wins;
    const final = await store.requests.get(request.id);
    // Every win moved the version by exactly one: a lost update would leave it lower than the sum.
    assert.equal(final?.version, 1 + wins + childWins);
    // Some rounds were lost to the other process, so the two really raced.
    assert.ok(wins + childWins < 2 * rounds, `no round was contended (${wins} + ${childWins})`);
  });

  it('gives each of 200 jobs to exactly one of two processes claiming from the same file', async function () {
    this.timeout(30_000);
    const store = open();
    const ids = Array.from({ length: 200 }, (_, i) => `job-${String(i).padStart(3, '0')}`);
    for (const id of ids) {
      await store.jobs.enqueue({ id, type: 'unblock', payload: { id }, runAt: new Date(0) });
    }
    const child = startChildClaimer(dataDir, 'child');
    await child.ready;
    const mine = await claimAndComplete(store, 'parent');
    const theirs = await child.claimed;
    assert.deepEqual([...mine, ...theirs].sort(), ids, 'every job claimed once: none lost, none twice');
    assert.ok(mine.length > 0 && theirs.length > 0, `no contention (${mine.length} + ${theirs.length})`);
    assert.deepEqual(await store.jobs.counts(), { queued: 0, running: 0, done: 200, failed: 0 });
  });

  it('keeps a lease across two stores on the same file', async () => {
    const [bot, worker] = [open(), open()];
    await bot.jobs.enqueue({ id: 'job-a', type: 'notify', payload: {}, runAt: new Date(0) });
    const now = new Date();
    assert.equal((await worker.jobs.claim('worker', now, 60_000))?.id, 'job-a');
    assert.equal(await bot.jobs.claim('bot', now, 60_000), null);
    assert.equal(await bot.jobs.complete('job-a', 'bot'), false);
    assert.equal(await worker.jobs.complete('job-a', 'worker'), true);
    assert.equal(await bot.jobs.enqueue({ id: 'job-a', type: 'notify', payload: {} }), false);
  });

  it('upgrades a version-1 file to the job queue, keeping its data', async () => {
    const before = open();
    await before.requests.create(sampleRequest());
    await before.conversations.saveReference('user:1', { serviceUrl: 'https://smba.example/' });
    await before.close();
    // What a file written before migration 2 looks like.
    const raw = rawDatabase();
    raw.exec('DROP TABLE jobs');
    raw.exec('DROP INDEX requests_by_requester');
    for (const index of ['created_id', 'state_created', 'target_upn', 'requester_created'])
      raw.exec(`DROP INDEX requests_by_${index}`);
    raw.exec(
      'DROP TRIGGER request_words_insert; DROP TRIGGER request_words_update; DROP TABLE request_words',
    );
    raw.pragma('user_version = 1');
    raw.close();

    const logger = { info: sinon.spy() };
    const after = open({ logger });
    assert.deepEqual(logger.info.firstCall.args[0].migrationsApplied, [2, 3, 4]);
    assert.deepEqual(await after.requests.get(sampleRequest().id), sampleRequest());
    assert.equal((await after.conversations.listReferences('user:')).length, 1);
    assert.equal(await after.jobs.enqueue({ id: 'job-a', type: 'unblock', payload: {} }), true);
    const found = await after.search.list({ words: ['rob'], limit: 5 });
    assert.ok(found !== 'bad-cursor');
    assert.deepEqual(
      found.requests.map((r) => r.id),
      [sampleRequest().id],
      'requests stored before the word index are found by word',
    );
  });

  it("finds an agent's requests through the requester index, not a table scan", async () => {
    const store = open();
    await store.close();
    const raw = rawDatabase();
    try {
      const plan = raw
        .prepare(
          `EXPLAIN QUERY PLAN SELECT doc FROM requests WHERE json_extract(doc, '$.requester.aadObjectId') = ?
           ORDER BY created_at DESC, id DESC LIMIT ?`,
        )
        .all('x', 5) as { detail: string }[];
      assert.ok(
        plan.some((row) => row.detail.includes('requests_by_requester')),
        JSON.stringify(plan),
      );
    } finally {
      raw.close();
    }
  });

  it('answers every request-list filter from an index, in list order, without sorting the table', async () => {
    const store = open();
    await store.close();
    const raw = rawDatabase();
    try {
      const search = new SqliteRequestSearch(raw);
      const shapes = {
        all: { index: 'requests_by_created_id', query: {} },
        state: { index: 'requests_by_state_created', query: { states: ['pending_approval' as const] } },
        requester: { index: 'requests_by_requester_created', query: { requesterId: 'x' } },
        user: { index: 'requests_by_target_upn', query: { targetPrefix: 'rob' } },
        dates: { index: 'requests_by_created_id', query: { createdFrom: '2024', createdBefore: '2025' } },
        words: { index: 'VIRTUAL TABLE', query: { words: ['rob'], states: ['failed' as const] } },
        nextPage: { index: 'requests_by_created_id', query: { after: 'c:2024-05-01T09:00:00.000Z|x' } },
      };
      for (const [name, { index, query }] of Object.entries(shapes)) {
        const plan = search.explain({ ...query, limit: 25 });
        assert.ok(
          plan.some((step) => step.includes(index)),
          `${name}: ${plan.join(' / ')}`,
        );
        assert.ok(
          !plan.some((step) => /^SCAN r$/.test(step)),
          `${name} scans the table: ${plan.join(' / ')}`,
        );
        // A user prefix covers several UPNs, so its matches are sorted; every other shape reads in order.
        if (name !== 'user')
          assert.ok(!plan.some((step) => step.includes('TEMP B-TREE')), `${name} sorts: ${plan.join(' / ')}`);
      }
    } finally {
      raw.close();
    }
  });

  it('refuses UPDATE and DELETE of audit rows, whoever issues them', async () => {
    const store = open();
    await store.audit.append(sampleAuditEvent());
    const raw = rawDatabase();
    try {
      assert.throws(() => raw.prepare("UPDATE audit SET at = 'forged'").run(), /append-only/);
      assert.throws(() => raw.prepare('DELETE FROM audit').run(), /append-only/);
    } finally {
      raw.close();
    }
    assert.deepEqual(await store.audit.listRecent(10), [sampleAuditEvent()]);
  });

  it('keeps the file in WAL mode at the current schema version', () => {
    open();
    const raw = rawDatabase();
    try {
      assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(raw.pragma('user_version', { simple: true }), schemaVersion);
    } finally {
      raw.close();
    }
  });

  it('migrates a new file once and re-runs nothing on reopen', async () => {
    const logger = { info: sinon.spy() };
    const first = open({ logger });
    await first.requests.create(sampleRequest());
    await first.close();
    open({ logger });
    open({ logger });
    const applied = logger.info
      .getCalls()
      .map((call) => (call.args[0] as { migrationsApplied: number[] }).migrationsApplied);
    assert.deepEqual(applied, [Array.from({ length: schemaVersion }, (_, i) => i + 1), [], []]);
    assert.equal((await open().requests.listRecent(10)).length, 1);
  });

  it('refuses a file from a newer schema version', () => {
    const raw = rawDatabase();
    raw.pragma(`user_version = ${schemaVersion + 1}`);
    raw.close();
    assert.throws(() => open(), StoreUnavailableError);
    assert.throws(() => open(), /newer than this build/);
  });

  it('creates a missing data directory and honours the file name', async () => {
    const nested = path.join(dataDir, 'a', 'b');
    const store = open({ dataDir: nested, fileName: 'other.db' });
    await store.ping();
    const raw = new Database(path.join(nested, 'other.db'), { fileMustExist: true });
    raw.close();
  });

  it('names DATA_DIR when the file is not a database', async () => {
    await writeFile(
      path.join(dataDir, fileName),
      'this is not an SQLite file, but it is long enough to look like one',
    );
    assert.throws(
      () => open(),
      (error: unknown) => {
        assert.ok(error instanceof StoreUnavailableError);
        assert.match(error.message, /DATA_DIR/);
        assert.match(error.message, /not a database/);
        return true;
      },
    );
  });

  it('names DATA_DIR when the data directory is a file', async () => {
    const notADir = path.join(dataDir, 'plain-file');
    await writeFile(notADir, '');
    assert.throws(() => open({ dataDir: notADir }), /DATA_DIR/);
  });

  it('writes all state changes of one call or none', async () => {
    const store = open();
    await store.state.write({ 'conv/1': { value: { step: 1 } } });
    await assert.rejects(
      store.state.write({
        'conv/2': { value: { step: 1 } },
        'conv/1': { value: { step: 2 }, eTag: 'stale' },
      }),
      StateConflictError,
    );
    const items = await store.state.read(['conv/1', 'conv/2']);
    assert.deepEqual(Object.keys(items), ['conv/1']);
    assert.deepEqual(items['conv/1']?.value, { step: 1 });
  });

  it('fails a ping after close with StoreUnavailableError', async () => {
    const store = open();
    await store.close();
    await assert.rejects(store.ping(), StoreUnavailableError);
  });
});

/** Tries `rounds` times to move the request one version up from what it just read; returns the wins. */
async function raceUpdates(store: Store, id: string, rounds: number): Promise<number> {
  let wins = 0;
  for (let i = 0; i < rounds; i++) {
    const current = await store.requests.get(id);
    if (!current) throw new Error(`request ${id} vanished`);
    // A pause between read and write, as a real handler has, so the other process can get in between.
    await new Promise((resolve) => setTimeout(resolve, 1));
    const outcome = await store.requests.update(
      { ...current, version: current.version + 1 },
      current.version,
    );
    if (outcome.ok) wins++;
  }
  return wins;
}

/** Claims due jobs one by one until none is left, completing each; returns the ids it claimed. */
async function claimAndComplete(store: Store, owner: string): Promise<string[]> {
  const claimed: string[] = [];
  for (;;) {
    const job = await store.jobs.claim(owner, new Date(), 60_000);
    if (!job) return claimed;
    claimed.push(job.id);
    if (!(await store.jobs.complete(job.id, owner))) throw new Error(`lost the lease on ${job.id}`);
    // A pause, as real work has, so the other process can get in between.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * Runs `body` (an expression of `store` whose promise resolves to a JSON-serializable result) in a separate
 * Node process that opened the store on `dataDir`, the way a worker process shares the file with the bot.
 * `ready` resolves once the child has opened the store; `result` with what `body` resolved to.
 */
function startChild(dataDir: string, helpers: string, body: string) {
  const storeModule = path.resolve(__dirname, '../../src/store/index.ts');
  const script = `
    const { openSqliteStore } = require(${JSON.stringify(storeModule)});
    ${helpers}
    const store = openSqliteStore({ dataDir: ${JSON.stringify(dataDir)} });
    process.stdout.write('ready\\n');
    (${body}).then((result) => {
      store.close();
      process.stdout.write(JSON.stringify(result) + '\\n');
    });
  `;
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const line = await lines.next();
    if (line.done) throw new Error('the child process exited early');
    return line.value;
  };
  const ready = nextLine().then((line) => assert.equal(line, 'ready'));
  const result: Promise<unknown> = ready.then(nextLine).then((line) => JSON.parse(line));
  return { ready, result };
}

/** raceUpdates in a child process; `wins` resolves with its win count. */
function startChildRacer(dataDir: string, id: string, rounds: number) {
  const helpers = `const race = ${raceUpdates.toString()};`;
  const child = startChild(dataDir, helpers, `race(store, ${JSON.stringify(id)}, ${rounds})`);
  return { ready: child.ready, wins: child.result.then(Number) };
}

/** claimAndComplete in a child process; `claimed` resolves with the ids it claimed. */
function startChildClaimer(dataDir: string, owner: string) {
  const helpers = `const claimAndComplete = ${claimAndComplete.toString()};`;
  const child = startChild(dataDir, helpers, `claimAndComplete(store, ${JSON.stringify(owner)})`);
  return { ready: child.ready, claimed: child.result as Promise<string[]> };
}
