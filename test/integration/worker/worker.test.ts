// The worker's outcomes end to end: expiry and reminders, Microsoft's unblock limit, throttling and
// outages, the resume monitor's single list call, and giving up on a resume.
import { strict as assert } from 'node:assert';
import { SEED } from '../../../src/tenant/index.js';
import { approvalCardIn, approve, requestUnblock } from '../../support/flows.js';
import { requestThrough } from '../../support/requests.js';
import { cardText } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

const fast = { RESUME_POLL_INTERVAL_S: '0.2', WORKER_POLL_INTERVAL_MS: '20', SIMULATOR_RELEASE_DELAY_S: '1' };

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('worker', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.stop();
  });

  it('reminds the approvers, then expires an unanswered request and tells the agent', async () => {
    t = await startTestApp({
      ...fast,
      APPROVAL_REMIND_AFTER_H: String(0.4 / 3600),
      APPROVAL_EXPIRE_AFTER_H: String(1.5 / 3600),
    });
    const approver = t.chat(people.approver);
    await approver.say('help');
    const agent = t.chat(people.agent);
    const requestId = await requestUnblock(agent, 'rob@contoso.com');
    await approvalCardIn(t.connector, approver.conversationId, requestId);
    const reminder = await t.connector.waitFor(
      (a) =>
        a.conversationId === approver.conversationId &&
        /Reminder: this request has been waiting/.test(JSON.stringify(a.activity)),
    );
    assert.equal(reminder.method, 'POST');
    await t.connector.waitFor(
      (a) =>
        a.conversationId === agent.conversationId &&
        /Nobody approved the unblock/.test(JSON.stringify(a.activity)),
    );
    const request = await t.app.store.requests.get(requestId);
    assert.equal(request?.state, 'expired');
    assert.ok(request?.remindedAt);
    const late = await approve(t, requestId);
    assert.match(cardText((late.body as { value: unknown }).value), /already decided \(status: expired\)/);
    assert.equal(
      (t.app.simulator?.calls() ?? []).filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress').length,
      0,
    );
  });

  it("reminds in the request's own thread when approvals go to a channel", async () => {
    t = await startTestApp({ ...fast, APPROVAL_REMIND_AFTER_H: String(0.4 / 3600) });
    const channelId = '19:approvals@thread.tacv2';
    await t
      .chat(people.approver, { channel: { channelId, threadRoot: '1700000000001' } })
      .say('set approvals channel');
    const requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    const { sent: post } = await approvalCardIn(t.connector, channelId, requestId);
    const reminder = await t.connector.waitFor(
      (a) =>
        a.conversationId === channelId &&
        /Reminder: this request has been waiting/.test(JSON.stringify(a.activity)),
    );
    assert.equal(reminder.newConversation, false, 'a reply, not another post');
    assert.equal(reminder.threadRoot, post.threadRoot, "in the request's thread");
  });

  it("ends as failed with what to do next when Microsoft's unblock limit is reached", async () => {
    t = await startTestApp(fast, { simulator: { unblockLimitPerDay: 0 } });
    const agent = t.chat(people.agent);
    const requestId = await requestUnblock(agent, 'rob@contoso.com');
    await approve(t, requestId);
    const note = await t.connector.waitFor(
      (a) =>
        a.conversationId === agent.conversationId &&
        /unblock limit for this account is reached/.test(JSON.stringify(a.activity)),
    );
    assert.match(JSON.stringify(note.activity), /Contact Microsoft Support/);
    const request = await t.app.store.requests.get(requestId);
    assert.equal(request?.state, 'failed');
    assert.equal(request?.failure, 'unblock-limit-reached');
  });

  it('completes every request with exactly one unblock each under 30% injected 429 and 503', async () => {
    t = await startTestApp(fast, {
      simulator: {
        faults: {
          exchange: { probability: 0.3, status: 429, retryAfterSeconds: 0 },
          graph: { probability: 0.3, status: 503, retryAfterSeconds: 0 },
        },
        randomSeed: 3,
      },
    });
    const targets = [
      'rob@contoso.com',
      'adele.vance@contoso.com',
      'diego@contoso.com',
      'grady.archie@contoso.com',
    ];
    const ids: string[] = [];
    for (const [i, target] of targets.entries()) {
      const agent = t.chat({ id: `29:agent-${i}`, aadObjectId: SEED.users.agent.id, name: `Agent ${i}` });
      ids.push(await requestUnblock(agent, target));
    }
    for (const id of ids) await approve(t, id);
    await until(
      'all resumed',
      async () => {
        const states = await Promise.all(ids.map(async (id) => (await t.app.store.requests.get(id))?.state));
        return states.every((s) => s === 'resumed');
      },
      30_000,
    );
    const removes = (t.app.simulator?.calls() ?? []).filter(
      (c) => c.cmdlet === 'Remove-BlockedSenderAddress' && c.status < 300,
    );
    assert.equal(removes.length, targets.length);
    const faults = (t.app.simulator?.calls() ?? []).filter((c) => c.status === 429 || c.status === 503);
    assert.ok(faults.length > 0, 'faults were injected');
  });

  it('makes one Get-BlockedSenderAddress call per monitor cycle for 1,000 waiting requests', async () => {
    t = await startTestApp({ ...fast, RESUME_POLL_INTERVAL_S: '3600' });
    const { store, simulator, worker, requestJobs } = t.app;
    assert.ok(simulator && worker && requestJobs);
    // Run the cycle by hand: the background loop must not add cycles of its own.
    await worker.stop();
    for (let i = 0; i < 1000; i++) {
      const address = `waiting${i}@contoso.com`;
      if (i % 2 === 0) simulator.restrict(address);
      const request = requestThrough(
        address,
        ['pending_approval', 'approved', 'unblocking', 'waiting_resume'],
        {
          unblockedAt: new Date().toISOString(),
        },
      );
      await store.requests.create(request);
    }
    simulator.clearCalls();
    const cycle = await requestJobs.monitor.cycle();
    const listCalls = simulator.calls().filter((c) => c.cmdlet === 'Get-BlockedSenderAddress');
    assert.equal(cycle.waiting, 1000);
    assert.equal(cycle.listCalls, 1);
    assert.equal(
      listCalls.length,
      1,
      `one Exchange call covers every waiting request: ${JSON.stringify(listCalls)}`,
    );
    assert.ok(cycle.traceCalls <= 20, `message trace stays within budget (${cycle.traceCalls})`);
  });

  it('shares the message-trace budget so every waiting request is checked in turn', async () => {
    t = await startTestApp({ ...fast, RESUME_POLL_INTERVAL_S: '3600' });
    const { store, simulator, worker, requestJobs } = t.app;
    assert.ok(simulator && worker && requestJobs);
    await worker.stop();
    const addresses = Array.from({ length: 50 }, (_, i) => `quiet${i}@contoso.com`);
    for (const address of addresses) {
      // Off the list but never seen sending: each needs a message-trace look, 20 per cycle.
      await store.requests.create(
        requestThrough(address, ['pending_approval', 'approved', 'unblocking', 'waiting_resume'], {
          unblockedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
        }),
      );
    }
    simulator.clearCalls();
    for (let cycle = 0; cycle < 3; cycle++) await requestJobs.monitor.cycle();
    const traced = new Set(
      simulator
        .calls()
        .filter((c) => c.path.endsWith('/messageTraces'))
        .map((c) => /senderAddress eq '([^']+)'/.exec(decodeURIComponent(c.query))?.[1]),
    );
    assert.equal(traced.size, 50, 'three cycles of 20 reach all 50 requests');
  });

  it('gives up on a resume after RESUME_GIVE_UP_AFTER_H and says what to check', async () => {
    t = await startTestApp({
      ...fast,
      RESUME_GIVE_UP_AFTER_H: String(0.5 / 3600),
      SIMULATOR_RELEASE_DELAY_S: '3600',
    });
    const agent = t.chat(people.agent);
    const requestId = await requestUnblock(agent, 'rob@contoso.com');
    await approve(t, requestId);
    const note = await t.connector.waitFor(
      (a) =>
        a.conversationId === agent.conversationId &&
        /still cannot confirm that the user can send/.test(JSON.stringify(a.activity)),
    );
    assert.match(JSON.stringify(note.activity), /message trace/);
    assert.equal((await t.app.store.requests.get(requestId))?.failure, 'resume-timeout');
  });
});
