// `npm run migrate-store`: SQLite → Azure Storage (Azurite). Everything the bot needs arrives (requests with
// their audit trails and sent cards, audit entries about no request, conversation references, the card
// signing key), a second run copies nothing twice, and a copy that stopped half-way resumes.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import sinon from 'sinon';
import { CARD_SIGNING_STATE_KEY } from '../../src/bot/cardSigning.js';
import type { AuditEvent, RequestState } from '../../src/runbook/index.js';
import { AzureImporter } from '../../src/store/azure/importer.js';
import {
  type AzureStore,
  migrateStore,
  openAzureStore,
  openSqliteStore,
  type Store,
} from '../../src/store/index.js';
import { type Azurite, startAzurite, uniquePrefix } from '../support/azurite.js';
import { startProcess } from '../support/processes.js';
import { requestThrough } from '../support/requests.js';

const projectRoot = path.resolve(__dirname, '../..');
const ALL = 100_000;
const REQUESTS = 24;
const states: RequestState[][] = [
  ['pending_approval'],
  ['pending_approval', 'approved', 'unblocking', 'waiting_resume', 'resumed'],
  ['pending_approval', 'rejected'],
  ['cancelled'],
];

async function seed(store: Store): Promise<string[]> {
  const ids: string[] = [];
  const start = Date.parse('2026-01-05T08:00:00.000Z');
  for (let i = 0; i < REQUESTS; i++) {
    const request = {
      ...requestThrough(
        `user${i}@contoso.com`,
        states[i % states.length] ?? [],
        {},
        `a:conversation-${i % 5}`,
      ),
      createdAt: new Date(start + i * 60_000).toISOString(),
    };
    assert.ok(await store.requests.create(request));
    ids.push(request.id);
    // One request with more audit entries than one Azure transaction holds.
    const entries = i === 3 ? 150 : 4;
    for (let n = 0; n < entries; n++) {
      const event: AuditEvent = {
        requestId: request.id,
        at: new Date(start + i * 60_000 + n * 1000).toISOString(),
        actor: null,
        action: n === 0 ? 'request.created' : 'notify.sent',
        fromState: null,
        toState: request.state,
        conversationId: request.conversationId,
        detail: { n },
      };
      await store.audit.append(event);
    }
    if (i % 3 === 0) {
      await store.conversations.addSentCard({
        requestId: request.id,
        conversationId: '19:approvals@thread.tacv2',
        activityId: `activity-${i}`,
        kind: 'approval',
      });
    }
  }
  for (let n = 0; n < 3; n++) {
    await store.audit.append({
      requestId: null,
      at: new Date(start + n).toISOString(),
      actor: { aadObjectId: 'someone', name: 'Someone' },
      action: 'access.refused',
      fromState: null,
      toState: null,
      conversationId: 'a:x',
      detail: { n },
    });
  }
  for (const key of ['user:aad-1', 'conversation:a:conversation-1', 'approvals-channel', 'user:aad-2']) {
    await store.conversations.saveReference(key, {
      reference: { conversation: { id: key } },
      language: 'en',
    });
  }
  await store.state.write({ [CARD_SIGNING_STATE_KEY]: { value: { key: 'k'.repeat(44) } } });
  return ids;
}

/** The target holds exactly what the source holds, as the bot reads it. */
async function assertSameContent(source: Store, target: Store, ids: string[]): Promise<void> {
  for (const id of ids) {
    assert.deepEqual(await target.requests.get(id), await source.requests.get(id));
    assert.deepEqual(
      await target.audit.listForRequest(id),
      await source.audit.listForRequest(id),
      `audit of ${id}`,
    );
    assert.deepEqual(
      await target.conversations.listSentCards(id),
      await source.conversations.listSentCards(id),
    );
  }
  for (const state of ['pending_approval', 'resumed', 'rejected', 'cancelled'] as const) {
    assert.deepEqual(
      (await target.requests.listByState(state)).map((r) => r.id),
      (await source.requests.listByState(state)).map((r) => r.id),
    );
  }
  assert.deepEqual(
    await target.conversations.listReferences(''),
    await source.conversations.listReferences(''),
  );
  const withoutRequest = async (store: Store) =>
    (await store.audit.listRecent(ALL)).filter((e) => e.requestId === null);
  assert.deepEqual(await withoutRequest(target), await withoutRequest(source));
  assert.deepEqual(
    await target.state.read([CARD_SIGNING_STATE_KEY]).then((s) => s[CARD_SIGNING_STATE_KEY]?.value),
    {
      key: 'k'.repeat(44),
    },
  );
}

const quiet = { start() {}, advance() {}, stop() {} };

describe('npm run migrate-store', function () {
  this.timeout(120_000);
  let azurite: Azurite;
  let dataDir: string;
  let source: Store;
  let ids: string[];
  let prefix: string;
  let target: AzureStore;

  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite?.stop();
  });
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-migrate-'));
    source = openSqliteStore({ dataDir });
    ids = await seed(source);
    prefix = uniquePrefix();
    target = await openAzureStore({
      connection: { connectionString: azurite.connectionString },
      prefix,
      logger: pino({ level: 'silent' }),
    });
  });
  afterEach(async () => {
    sinon.restore();
    await source.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const run = async () => {
    const migration = startProcess(
      'npm',
      ['run', '--silent', 'migrate-store'],
      {
        DATA_DIR: dataDir,
        AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
        AZURE_STORAGE_PREFIX: prefix,
      },
      projectRoot,
    );
    const code = await migration.exited;
    return { code, output: migration.output() };
  };

  it('copies everything, says what it copied, and copies nothing twice on a second run', async () => {
    const first = await run();
    assert.equal(first.code, 0, first.output);
    assert.match(first.output, new RegExp(`requests: +${REQUESTS} copied, 0 already there`));
    assert.match(first.output, /audit entries: +242 with the copied requests, 3 about no request/);
    assert.match(first.output, /sent cards: +8/);
    assert.match(first.output, /conversation references: +4/);
    assert.match(first.output, /state: +card-signing-key/);
    await assertSameContent(source, target, ids);

    const second = await run();
    assert.equal(second.code, 0, second.output);
    assert.match(second.output, new RegExp(`requests: +0 copied, ${REQUESTS} already there`));
    await assertSameContent(source, target, ids);
  });

  it('resumes a copy that stopped half-way, without duplicates', async () => {
    const real = AzureImporter.prototype.importRequest;
    let calls = 0;
    sinon.stub(AzureImporter.prototype, 'importRequest').callsFake(async function (
      this: AzureImporter,
      ...args
    ) {
      calls += 1;
      if (calls > 10) throw new Error('connection lost');
      return real.apply(this, args);
    });
    await assert.rejects(
      migrateStore(source, target, { stateKeys: [CARD_SIGNING_STATE_KEY], progress: quiet }),
    );
    sinon.restore();
    const resumed = await migrateStore(source, target, {
      stateKeys: [CARD_SIGNING_STATE_KEY],
      progress: quiet,
    });
    assert.ok(
      resumed.requests.alreadyThere >= 10 && resumed.requests.alreadyThere < REQUESTS,
      JSON.stringify(resumed),
    );
    assert.equal(resumed.requests.copied + resumed.requests.alreadyThere, REQUESTS);
    await assertSameContent(source, target, ids);
  });

  it('refuses to start without a SQLite store, naming DATA_DIR', async () => {
    await rm(dataDir, { recursive: true, force: true });
    const result = await run();
    assert.equal(result.code, 2);
    assert.match(result.output, /no SQLite store in .* \(DATA_DIR\)/);
  });
});
