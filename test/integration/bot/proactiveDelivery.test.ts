// Proactive messages when Teams pushes back, over /api/messages with a fake connector that refuses some
// posts: a 429 is retried after its Retry-After and the note arrives once; an agent who blocked the bot (403)
// is told in the request's thread in the approvals channel instead, and the failed delivery is audited.
import { strict as assert } from 'node:assert';
import { approvalCardIn, approve, requestUnblock } from '../../support/flows.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

const fastWorker = {
  RESUME_POLL_INTERVAL_S: '0.2',
  WORKER_POLL_INTERVAL_MS: '50',
  SIMULATOR_RELEASE_DELAY_S: '1',
};
const CHANNEL = '19:approvals@thread.tacv2';

describe('proactive delivery when Teams pushes back', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp(fastWorker);
  });
  afterEach(async () => {
    await t.stop();
  });

  it('retries a 429 after Retry-After and delivers the note once', async () => {
    const agent = t.chat(people.agent);
    const requestId = await requestUnblock(agent, 'rob@contoso.com');
    let refused = 0;
    t.connector.fault = (conversationId, method) =>
      conversationId === agent.conversationId && method === 'POST' && refused++ < 2
        ? { status: 429, headers: { 'retry-after': '1' } }
        : null;
    await approve(t, requestId);
    await t.connector.waitFor(
      (a) =>
        a.conversationId === agent.conversationId && /can send email again/.test(JSON.stringify(a.activity)),
      20_000,
    );
    assert.ok(refused >= 2, 'Teams answered 429 first');
    const notes = t.connector.activities.filter(
      (a) =>
        a.conversationId === agent.conversationId && /approved the unblock/.test(JSON.stringify(a.activity)),
    );
    assert.equal(notes.length, 1, 'the throttled note arrives exactly once');
  });

  it("falls back to the request's thread in the approvals channel when the agent blocked the bot (403), and records it", async () => {
    const channel = t.chat(people.approver, { channel: { channelId: CHANNEL, threadRoot: '1700000000001' } });
    await channel.say('set approvals channel');
    const agent = t.chat(people.agent);
    const requestId = await requestUnblock(agent, 'rob@contoso.com');
    t.connector.fault = (conversationId) =>
      conversationId === agent.conversationId
        ? {
            status: 403,
            body: {
              error: {
                code: 'ConversationBlockedByUser',
                message: 'User blocked the conversation with the bot.',
              },
            },
          }
        : null;
    const { sent: post } = await approvalCardIn(t.connector, CHANNEL, requestId);
    await approve(t, requestId);
    const fallback = await t.connector.waitFor(
      (a) =>
        a.conversationId === CHANNEL &&
        a.threadRoot === post.threadRoot &&
        /could not reach Megan Bowen/.test(JSON.stringify(a.activity)) &&
        /can send email again/.test(JSON.stringify(a.activity)),
      20_000,
    );
    assert.equal(fallback.method, 'POST');
    const failed = (await t.app.store.audit.listForRequest(requestId)).filter(
      (e) => e.action === 'notify.failed',
    );
    assert.ok(failed.length > 0, 'the failed delivery is audited');
  });
});
