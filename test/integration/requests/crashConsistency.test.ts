// Crash consistency of the whole request lifecycle: a real bot process (with its in-process worker) takes
// approval clicks and is SIGKILLed at random points — during a click, between a decision and its unblock,
// mid-unblock, mid-notification — and restarted, many times. Afterwards every approved request was
// unblocked exactly once (the simulator's call log), its agent heard "can send email again" once (the fake
// connector) — twice only where a kill landed inside that very send, which the audit log must prove, since
// Teams takes no idempotency key — and no request is left outside an end state. The kill points come from a seeded
// PRNG; the seed is printed (replay: CRASH_SEED=<seed>; CRASH_SEED=random for a new one each run).
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { approvalActionParts, createCardSigner, loadCardSigningKey } from '../../../src/bot/cardSigning.js';
import { conversationKey } from '../../../src/bot/conversationKeys.js';
import { isTerminal } from '../../../src/runbook/index.js';
import { openSqliteStore, type Store } from '../../../src/store/index.js';
import { SEED, TenantSimulator } from '../../../src/tenant/index.js';
import { seededRandom } from '../../../src/tenant/simulator/index.js';
import { FakeConnector } from '../../support/fakeConnector.js';
import { freePort, type StartedProcess, startProcess, waitUntilUp } from '../../support/processes.js';
import { requestThrough } from '../../support/requests.js';
import { TeamsChat } from '../../support/teams.js';
import { people } from '../../support/testApp.js';

const projectRoot = path.resolve(__dirname, '../../..');
const REQUESTS = 16;
const KILLED_RUNS = 8;
const SECRET = 'crash-consistency-card-signing-secret-0123456789';

describe('request lifecycle crash consistency', function () {
  this.timeout(240_000);
  let dataDir: string;
  let simulator: TenantSimulator;
  let connector: FakeConnector;
  let store: Store;
  let bot: StartedProcess | null = null;

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-crash-lifecycle-'));
    simulator = new TenantSimulator({ releaseDelayMs: 300, unblockLimitPerDay: 100 });
    await simulator.start();
    connector = new FakeConnector();
    await connector.start();
    store = openSqliteStore({ dataDir });
  });
  after(async () => {
    bot?.signal('SIGKILL');
    await store.close();
    await connector.stop();
    await simulator.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('unblocks each approved request once and tells its agent once, across SIGKILLs at random points', async () => {
    const seed = process.env.CRASH_SEED
      ? Number(process.env.CRASH_SEED)
      : Math.floor(Math.random() * 2 ** 31);
    console.log(`      crash seed ${seed} (replay: CRASH_SEED=${seed})`);
    const random = seededRandom(seed);

    const ids: string[] = [];
    const agentConversation = new Map<string, string>();
    for (let i = 0; i < REQUESTS; i++) {
      const address = `crash-lifecycle${i}@contoso.com`;
      simulator.restrict(address);
      const conversationId = `a:1crash-agent-${i}`;
      const request = requestThrough(address, ['pending_approval'], {}, conversationId);
      assert.ok(await store.requests.create(request));
      // Where the agent's bot conversation is, as the bot files it when the agent first writes.
      await store.conversations.saveReference(conversationKey(conversationId), {
        reference: {
          channelId: 'msteams',
          serviceUrl: connector.url,
          conversation: { id: conversationId, conversationType: 'personal', tenantId: SEED.tenantId },
          bot: { id: '28:bot-id', name: 'Unblock assistant' },
          user: { id: `29:agent-${i}`, aadObjectId: SEED.users.agent.id },
        },
        language: 'en',
      });
      ids.push(request.id);
      agentConversation.set(request.id, conversationId);
    }
    const signer = createCardSigner(await loadCardSigningKey(store.state, SECRET));
    const port = await freePort();
    const botUrl = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      DATA_DIR: dataDir,
      SIMULATOR_URL: simulator.baseUrl,
      CARD_SIGNING_SECRET: SECRET,
      WORKER_POLL_INTERVAL_MS: '10',
      WORKER_LEASE_S: '0.5',
      RESUME_POLL_INTERVAL_S: '0.3',
      LOG_LEVEL: 'warn',
    };
    const approver = new TeamsChat({ botUrl, connector, person: people.approver, tenantId: SEED.tenantId });
    const approve = (id: string) =>
      approver
        .post(
          approver.invokeActivity({
            action: {
              type: 'Action.Execute',
              verb: 'approval.approve',
              data: { requestId: id, sig: signer.sign(...approvalActionParts(id, 'approval.approve')) },
            },
          }),
        )
        .catch(() => null);
    const pending = async () =>
      (await Promise.all(ids.map((id) => store.requests.get(id)))).filter(
        (r) => r?.state === 'pending_approval',
      );
    const start = async () => {
      bot = startProcess(process.execPath, ['--import', 'tsx', 'src/index.ts'], env, projectRoot);
      await waitUntilUp(`${botUrl}/healthz`, 30_000, bot);
      return bot;
    };

    for (let run = 0; run < KILLED_RUNS; run++) {
      const running = await start();
      // A few approvals at once (two of them twice, as a double click or Teams' retry would), then a kill
      // somewhere inside them or the work they start.
      const batch = (await pending()).slice(0, 3);
      const clicks = batch.flatMap((r, i) =>
        i < 2 ? [approve(r?.id ?? ''), approve(r?.id ?? '')] : [approve(r?.id ?? '')],
      );
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 900)));
      running.signal('SIGKILL');
      await running.exited;
      await Promise.all(clicks);
    }

    const last = await start();
    for (const request of await pending()) await approve(request?.id ?? '');
    const deadline = Date.now() + 60_000;
    const unfinished = async () =>
      (await Promise.all(ids.map((id) => store.requests.get(id)))).filter((r) => r?.state !== 'resumed');
    while ((await unfinished()).length > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    // The last notifications may still be on their way; give the worker a moment to drain them.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    last.signal('SIGTERM');
    await last.exited;

    const states = await Promise.all(ids.map(async (id) => (await store.requests.get(id))?.state));
    assert.ok(
      states.every((s) => s && isTerminal(s)),
      `every request ended: ${states.join(', ')}`,
    );
    assert.deepEqual(new Set(states), new Set(['resumed']), 'every approved request resumed');
    const removes = simulator
      .calls()
      .filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress' && c.status < 300)
      .map((c) => String(c.parameters?.SenderAddress).toLowerCase());
    for (let i = 0; i < REQUESTS; i++) {
      const address = `crash-lifecycle${i}@contoso.com`;
      assert.equal(
        removes.filter((a) => a === address).length,
        1,
        `${address} unblocked exactly once (seed ${seed})`,
      );
    }
    let repeats = 0;
    for (const id of ids) {
      const conversationId = agentConversation.get(id);
      const told = connector.activities.filter(
        (a) =>
          a.method === 'POST' &&
          a.conversationId === conversationId &&
          /can send email again/.test(JSON.stringify(a.activity)),
      );
      // Teams takes no idempotency key: a post is repeated only when the process died after the post left
      // and before its job was marked done, which the audit log shows as a 'sending' without its 'sent'.
      const audit = await store.audit.listForRequest(id);
      const ofResumedNote = (action: string) =>
        audit.filter(
          (e) =>
            e.action === action &&
            e.detail.event === 'resumed' &&
            e.detail.to === conversationKey(conversationId ?? ''),
        );
      const interrupted = ofResumedNote('notify.sending').length - ofResumedNote('notify.sent').length;
      assert.equal(ofResumedNote('notify.sent').length, 1, `one recorded delivery for ${id} (seed ${seed})`);
      assert.ok(
        told.length >= 1 && told.length <= 1 + interrupted,
        `the agent of ${id} heard "can send email again" ${told.length} times, with ${interrupted} interrupted sends (seed ${seed})`,
      );
      repeats += told.length - 1;
    }
    console.log(`      ${repeats} repeated notes, each after a send interrupted by a kill`);
  });
});
