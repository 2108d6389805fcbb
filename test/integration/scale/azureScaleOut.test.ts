// Scale-out on Azure Storage: Azurite, two bot processes (WORKER=off) and two `--worker` processes, each its
// own OS process, share one storage account. 200 requests are approved through both bots while the
// simulated tenant answers 20% of Graph and Exchange calls with 429 or 503, and one worker is killed with
// SIGKILL half-way and started again. Every request must end resumed, with exactly one successful
// Remove-BlockedSenderAddress and exactly one "can send email again" each, and the resume monitor must run
// once per interval across the workers, not once per worker.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';
import pino from 'pino';
import { approvalActionParts, createCardSigner, loadCardSigningKey } from '../../../src/bot/cardSigning.js';
import type { UnblockRequest } from '../../../src/runbook/index.js';
import { azureResourceNames, openAzureStore, type Store } from '../../../src/store/index.js';
import { SEED, TenantSimulator } from '../../../src/tenant/index.js';
import { type Azurite, startAzurite, uniquePrefix } from '../../support/azurite.js';
import { FakeConnector } from '../../support/fakeConnector.js';
import { freePort, type StartedProcess, startProcess, waitUntilUp } from '../../support/processes.js';
import { requestThrough } from '../../support/requests.js';
import { TeamsChat } from '../../support/teams.js';
import { people } from '../../support/testApp.js';

const projectRoot = path.resolve(__dirname, '../../..');
const REQUESTS = 200;
const AGENT_CONVERSATIONS = 40;
const MONITOR_INTERVAL_MS = 1000;
const APPROVALS_IN_FLIGHT = 8;

const address = (i: number) => `scale-${String(i).padStart(3, '0')}@contoso.com`;

async function until(
  what: string,
  probe: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Runs `task` over `items`, `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

describe('scale-out on Azure Storage: two bots and two workers as separate processes', function () {
  this.timeout(300_000);
  let azurite: Azurite;
  let simulator: TenantSimulator;
  let connector: FakeConnector;
  let store: Store;
  const processes: StartedProcess[] = [];
  let bots: string[] = [];
  let workers: StartedProcess[] = [];
  let workersStartedAt = 0;
  const workerUrls = new Map<StartedProcess, string>();
  /** The card signing key the processes generated and agreed on (none was configured). */
  let signer: ReturnType<typeof createCardSigner>;
  const prefix = uniquePrefix();

  const env = () => ({
    STORE: 'azure',
    AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
    AZURE_STORAGE_PREFIX: prefix,
    SIMULATOR_URL: simulator.baseUrl,
    RESUME_POLL_INTERVAL_S: String(MONITOR_INTERVAL_MS / 1000),
    WORKER_POLL_INTERVAL_MS: '50',
    WORKER_LEASE_S: '3',
    JOB_MAX_ATTEMPTS: '40',
    JOB_MAX_BACKOFF_S: '2',
    LOG_LEVEL: 'warn',
  });
  const node = (args: string[], extra: Record<string, string>) =>
    startProcess(
      process.execPath,
      ['--import', 'tsx', '--disable-warning=DEP0111', 'src/index.ts', ...args],
      { ...env(), ...extra },
      projectRoot,
    );
  const startBot = async () => {
    const port = await freePort();
    // One approver clicks 200 times in a minute: lift the per-user flood limit.
    const bot = node([], { PORT: String(port), WORKER: 'off', USER_RATE_LIMIT_PER_MIN: '10000' });
    processes.push(bot);
    const url = `http://127.0.0.1:${port}`;
    await waitUntilUp(`${url}/healthz`, 30_000, bot);
    return url;
  };
  const startWorker = async () => {
    const port = await freePort();
    const worker = node(['--worker'], { WORKER_HEALTH_PORT: String(port) });
    processes.push(worker);
    await waitUntilUp(`http://127.0.0.1:${port}/healthz`, 30_000, worker);
    workerUrls.set(worker, `http://127.0.0.1:${port}`);
    return worker;
  };

  before(async () => {
    azurite = await startAzurite();
    // 20% of Graph and Exchange calls fail, half throttled (429), half unavailable (503).
    const fault = { probability: 0.2, statuses: [429, 503] as (429 | 503)[], retryAfterSeconds: 0 };
    simulator = new TenantSimulator({
      releaseDelayMs: 500,
      unblockLimitPerDay: 10,
      // Graph allows 100 message-trace requests per 5 minutes per tenant, so confirming 200 resumes by
      // trace takes over 5 minutes by design; this test is about the shared store, so the tenant has not
      // granted message trace and the Restricted list alone decides (as docs/setup.md describes).
      messageTraceGranted: false,
      faults: { graph: fault, exchange: fault },
      randomSeed: 12,
    });
    await simulator.start();
    connector = new FakeConnector();
    await connector.start();
    store = await openAzureStore({
      connection: { connectionString: azurite.connectionString },
      prefix,
      logger: pino({ level: 'silent' }),
    });
    // All four start at once on the empty store, as a deployment's instances do.
    workersStartedAt = Date.now();
    const [bot1, bot2, worker1, worker2] = await Promise.all([
      startBot(),
      startBot(),
      startWorker(),
      startWorker(),
    ]);
    bots = [bot1, bot2];
    workers = [worker1, worker2];
    signer = createCardSigner(await loadCardSigningKey(store.state, undefined));
  });

  after(async () => {
    for (const started of processes) started.signal('SIGKILL');
    await Promise.all(processes.map((started) => started.exited));
    await connector?.stop();
    await simulator?.stop();
    await azurite?.stop();
  });

  it('runs workers that answer health checks and take no Teams traffic', async () => {
    const url = workerUrls.get(workers[1] as StartedProcess);
    assert.equal((await fetch(`${url}/readyz`)).status, 200);
    const messages = await fetch(`${url}/api/messages`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(messages.status, 404);
  });

  it('takes one decision and makes one unblock when two approvers click Approve on two bots at once', async () => {
    const nestor = { id: '29:nestor', aadObjectId: SEED.users.nestedApprover.id, name: 'Nestor Wilke' };
    const agent = new TeamsChat({
      botUrl: bots[0] as string,
      connector,
      person: people.agent,
      tenantId: SEED.tenantId,
    });
    await agent.say('help');
    const [patti, nestorChat] = [people.approver, nestor].map(
      (person, i) => new TeamsChat({ botUrl: bots[i] as string, connector, person, tenantId: SEED.tenantId }),
    ) as [TeamsChat, TeamsChat];
    const raced = Array.from({ length: 10 }, (_, i) => `race-${i}@contoso.com`);
    const removesOf = (target: string) =>
      simulator
        .calls()
        .filter(
          (c) =>
            c.cmdlet === 'Remove-BlockedSenderAddress' &&
            c.status < 300 &&
            c.parameters?.SenderAddress === target,
        );
    const ids: string[] = [];
    for (const target of raced) {
      simulator.restrict(target);
      const request = requestThrough(target, ['pending_approval'], {}, agent.conversationId);
      assert.ok(await store.requests.create(request));
      ids.push(request.id);
      const sig = signer.sign(...approvalActionParts(request.id, 'approval.approve'));
      const value = {
        action: { type: 'Action.Execute', verb: 'approval.approve', data: { requestId: request.id, sig } },
      };
      // Both click at the same moment; if Graph refused both approver checks (injected faults), both again.
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all(
          [patti, nestorChat].map((chat) => chat.post(chat.invokeActivity(value))),
        );
        assert.deepEqual(
          answers.map((a) => a.status),
          [200, 200],
        );
        if ((await store.requests.get(request.id))?.state !== 'pending_approval') break;
      }
    }
    await until('every raced unblock', () => raced.every((target) => removesOf(target).length > 0), 60_000);
    for (const [i, target] of raced.entries()) {
      const audit = await store.audit.listForRequest(ids[i] as string);
      const decisions = audit.filter((e) => e.action === 'approval.decided');
      assert.equal(decisions.length, 1, `${target}: one decision`);
      assert.ok(
        [people.approver.aadObjectId, nestor.aadObjectId].includes(decisions[0]?.actor?.aadObjectId ?? ''),
      );
      assert.equal(removesOf(target).length, 1, `${target}: one unblock`);
    }
  });

  it('approves 200 requests through both bots and ends each once, across a killed worker', async () => {
    // Agents talk to the bot once in each conversation, so it can reach them there later.
    const agentChats = Array.from(
      { length: AGENT_CONVERSATIONS },
      (_, i) =>
        new TeamsChat({
          botUrl: bots[i % 2] as string,
          connector,
          person: people.agent,
          tenantId: SEED.tenantId,
        }),
    );
    for (const chat of agentChats) await chat.say('help');
    const requests: UnblockRequest[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      simulator.restrict(address(i));
      const chat = agentChats[i % AGENT_CONVERSATIONS] as TeamsChat;
      const request = requestThrough(address(i), ['pending_approval'], {}, chat.conversationId);
      assert.ok(await store.requests.create(request));
      requests.push(request);
    }

    // One worker is killed once a third of the unblocks have happened, and started again.
    const successfulRemoves = () =>
      simulator.calls().filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress' && c.status < 300);
    let killedAt = -1;
    const killer = (async () => {
      await until('a third of the unblocks', () => successfulRemoves().length >= REQUESTS / 3, 120_000);
      killedAt = successfulRemoves().length;
      workers[0]?.signal('SIGKILL');
      await workers[0]?.exited;
      workers[0] = await startWorker();
    })();

    // The approver clicks Approve on each request through either bot, several at once.
    const approverChats = bots.map(
      (botUrl) => new TeamsChat({ botUrl, connector, person: people.approver, tenantId: SEED.tenantId }),
    );
    await inParallel(
      requests.map((r, i) => ({ id: r.id, chat: approverChats[i % 2] as TeamsChat })),
      APPROVALS_IN_FLIGHT,
      async ({ id, chat }) => {
        const sig = signer.sign(...approvalActionParts(id, 'approval.approve'));
        const value = {
          action: { type: 'Action.Execute', verb: 'approval.approve', data: { requestId: id, sig } },
        };
        // A click the bot could not complete (Graph kept failing its approver check) is clicked again.
        for (let click = 0; click < 5; click++) {
          const answer = await chat.post(chat.invokeActivity(value));
          assert.equal(answer.status, 200, JSON.stringify(answer.body));
          if ((await store.requests.get(id))?.state !== 'pending_approval') return;
        }
        const last = await chat.post(chat.invokeActivity(value));
        assert.fail(
          `request ${id} was not approved after 5 clicks: ${JSON.stringify(last.body).slice(0, 1500)}`,
        );
      },
    );
    await killer;

    const canSendAgain = (i: number) =>
      connector.activities.filter(
        (a) =>
          a.method === 'POST' && JSON.stringify(a.activity).includes(`${address(i)} can send email again`),
      );
    await until(
      'every request to resume',
      () => requests.every((_, i) => canSendAgain(i).length > 0),
      150_000,
    );
    const workersStoppedAt = Date.now();

    assert.ok(
      killedAt > 0 && killedAt < REQUESTS,
      `the worker was killed mid-run (after ${killedAt} unblocks)`,
    );
    const states = await Promise.all(requests.map(async (r) => (await store.requests.get(r.id))?.state));
    assert.deepEqual(
      states.filter((s) => s !== 'resumed'),
      [],
      'every request reached its end state: resumed',
    );
    const removes = successfulRemoves().map((c) => String(c.parameters?.SenderAddress).toLowerCase());
    for (let i = 0; i < REQUESTS; i++) {
      assert.equal(removes.filter((a) => a === address(i)).length, 1, `${address(i)} unblocked exactly once`);
      assert.equal(canSendAgain(i).length, 1, `${address(i)}: exactly one "can send email again"`);
    }
    assert.ok(
      simulator.calls().some((c) => c.status === 429) && simulator.calls().some((c) => c.status === 503),
      'the tenant really threw 429s and 503s',
    );

    // The monitor: every check-resumed job in the store, whoever queued it, is one cycle. One monitor
    // across both workers means at most one per interval, each with at most one Restricted-list read.
    const slots =
      Math.floor(workersStoppedAt / MONITOR_INTERVAL_MS) -
      Math.floor(workersStartedAt / MONITOR_INTERVAL_MS) +
      1;
    const jobsTable = TableClient.fromConnectionString(
      azurite.connectionString,
      azureResourceNames(prefix).jobsTable,
      {
        allowInsecureConnection: true,
      },
    );
    let cycles = 0;
    const filter = `type eq 'check-resumed' and status eq 'done'`;
    for await (const _ of jobsTable.listEntities({ queryOptions: { filter, select: ['status'] } }))
      cycles += 1;
    const listCalls = simulator
      .calls()
      .filter(
        (c) => c.cmdlet === 'Get-BlockedSenderAddress' && c.status < 300 && !c.parameters?.SenderAddress,
      );
    assert.ok(cycles >= slots / 2, `${cycles} monitor cycles in ${slots} intervals: the monitor ran`);
    assert.ok(cycles <= slots, `${cycles} monitor cycles in ${slots} intervals: not one per worker`);
    assert.ok(listCalls.length <= cycles, `${listCalls.length} Restricted-list reads in ${cycles} cycles`);
  });
});
