// Approvals, the action handler and the "can send again" message, over /api/messages with a fake
// connector and the simulator over HTTP. The worker runs in-process, as with `npm start`.
import { strict as assert } from 'node:assert';
import { SEED } from '../../../src/tenant/index.js';
import { approvalCardIn, approve, requestUnblock, waiveFindings } from '../../support/flows.js';
import { approvalAction } from '../../support/signedCards.js';
import { cardsIn, cardText } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

const fastWorker = {
  RESUME_POLL_INTERVAL_S: '0.2',
  WORKER_POLL_INTERVAL_MS: '50',
  SIMULATOR_RELEASE_DELAY_S: '1',
};

/** The approvals channel, and the post in which an approver typed "set approvals channel". */
const CHANNEL = '19:approvals@thread.tacv2';
const COMMAND_ROOT = '1700000000001';

function approvalsChannel(t: TestApp) {
  return t.chat(people.approver, { channel: { channelId: CHANNEL, threadRoot: COMMAND_ROOT } });
}

function removeCalls(t: TestApp): number {
  return (t.app.simulator?.calls() ?? []).filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress').length;
}

describe('approvals and the unblock', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp(fastWorker);
  });
  afterEach(async () => {
    await t.stop();
  });

  it('runs the whole flow: request → approver approves → exactly one unblock → "can send again" → card updated', async () => {
    const approver = t.chat(people.approver);
    await approver.say('help'); // the bot can reach approvers who have chatted with it once
    const agent = t.chat(people.agent);
    const requestId = await requestUnblock(agent, 'rob@contoso.com');

    const { card, sent } = await approvalCardIn(t.connector, approver.conversationId, requestId);
    assert.match(cardText(card), /Unblock Rob Young \(rob@contoso.com\)\?/);
    assert.match(cardText(card), /Requested by\nMegan Bowen/);
    assert.match(cardText(card), /Outbound spam/);
    assert.deepEqual((card.refresh as { userIds: string[] }).userIds, [people.approver.id]);

    await waiveFindings(t, requestId);
    const view = await approver.click('approval.refresh', {}, card);
    assert.match(cardText(view.card), /Approve/, 'the approver sees the buttons');
    const approved = await approver.click('Approve', { comment: 'Checked with Rob by phone' }, view.card);
    assert.match(cardText(approved.card), /Status: (approved|unblock in progress|unblocked)/);

    const note = await t.connector.waitFor(
      (a) =>
        a.conversationId === agent.conversationId && /can send email again/.test(JSON.stringify(a.activity)),
      15_000,
    );
    assert.equal(note.method, 'POST');
    assert.equal(removeCalls(t), 1, 'exactly one Remove-BlockedSenderAddress');

    const update = await t.connector.waitFor(
      (a) =>
        a.method === 'PUT' &&
        a.activityId === sent.assignedId &&
        /Sending resumed/.test(JSON.stringify(a.activity)),
    );
    const [updated] = cardsIn(update.activity);
    assert.match(cardText(updated), /Decided by\nPatti Fernandez/);
    assert.match(cardText(updated), /Checked with Rob by phone/);
    assert.equal(updated?.refresh, undefined, 'no live buttons after the end');

    const request = await t.app.store.requests.get(requestId);
    assert.equal(request?.state, 'resumed');
    const actions = (await t.app.store.audit.listForRequest(requestId)).map(
      (e) => `${e.action}:${e.toState}`,
    );
    for (const expected of [
      'approval.decided:approved',
      'request.transition:unblocking',
      'unblock.called:unblocking',
      'request.transition:waiting_resume',
      'request.transition:resumed',
    ]) {
      assert.ok(actions.includes(expected), `${expected} in ${actions.join(', ')}`);
    }
  });

  it('refuses the requester approving their own request', async () => {
    const agent = t.chat(people.agent);
    await t.chat(people.approver).say('help');
    const requestId = await requestUnblock(agent, 'rob@contoso.com');
    const own = t.chat(people.agent, { conversationId: agent.conversationId });
    const res = await own.post(own.invokeActivity(await approvalAction(t, requestId, 'approval.approve')));
    assert.equal(res.status, 200);
    const card = (res.body as { value: unknown }).value;
    assert.match(cardText(card), /Only members of the approvers group|another approver must decide/);
    assert.equal((await t.app.store.requests.get(requestId))?.state, 'pending_approval');
    const refused = (await t.app.store.audit.listForRequest(requestId)).filter(
      (e) => e.action === 'approval.refused',
    );
    assert.equal(refused.length, 1);
  });

  it('refuses a click from someone outside the approvers group, and records it', async () => {
    const requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    const outsider = t.chat(people.nonApprover);
    const res = await outsider.post(
      outsider.invokeActivity(await approvalAction(t, requestId, 'approval.approve')),
    );
    assert.match(cardText((res.body as { value: unknown }).value), /Only members of the approvers group/);
    assert.equal((await t.app.store.requests.get(requestId))?.state, 'pending_approval');
    const [refusal] = (await t.app.store.audit.listForRequest(requestId)).filter(
      (e) => e.action === 'approval.refused',
    );
    assert.equal(refusal?.actor?.aadObjectId, SEED.users.nonApprover.id);
    assert.equal(refusal?.detail.reason, 'not-approver');
  });

  it('refuses, without an error, a click from someone the directory does not know', async () => {
    const requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    const stranger = t.chat({
      id: '29:stranger',
      aadObjectId: '00000000-0000-4000-8000-00000000dead',
      name: 'X',
    });
    const value = await approvalAction(t, requestId, 'approval.approve');
    const noAad = { ...stranger.invokeActivity(value), from: { id: '29:guest-without-aad', name: 'Guest' } };
    for (const activity of [stranger.invokeActivity(value), noAad]) {
      const res = await stranger.post(activity);
      assert.equal(res.status, 200);
      assert.match(cardText((res.body as { value: unknown }).value), /Only members of the approvers group/);
    }
    assert.equal((await t.app.store.requests.get(requestId))?.state, 'pending_approval');
    assert.ok(!t.logLines.some((line) => line.includes('"level":50')), 'no error logged');
  });

  it('accepts an approver of a nested group (transitive membership)', async () => {
    const requestId = await requestUnblock(t.chat(people.agent), 'diego@contoso.com');
    const nested = t.chat({
      id: '29:nestor',
      aadObjectId: SEED.users.nestedApprover.id,
      name: 'Nestor Wilke',
    });
    const res = await nested.post(
      nested.invokeActivity(await approvalAction(t, requestId, 'approval.approve')),
    );
    assert.equal(res.status, 200);
    assert.equal(
      (await t.app.store.requests.get(requestId))?.decidedBy?.aadObjectId,
      SEED.users.nestedApprover.id,
    );
  });

  it('rejects: nothing is unblocked and the agent is told, with the comment', async () => {
    const agent = t.chat(people.agent);
    const requestId = await requestUnblock(agent, 'rob@contoso.com');
    const approver = t.chat(people.approver);
    const res = await approver.post(
      approver.invokeActivity(
        await approvalAction(t, requestId, 'approval.reject', { comment: 'Still compromised' }),
      ),
    );
    assert.match(cardText((res.body as { value: unknown }).value), /Status: rejected/);
    const note = await t.connector.waitFor(
      (a) =>
        a.conversationId === agent.conversationId && /rejected the unblock/.test(JSON.stringify(a.activity)),
    );
    assert.match(JSON.stringify(note.activity), /Still compromised/);
    await t.app.worker?.drain();
    assert.equal(removeCalls(t), 0);
  });

  it('decides once when two approvers click at the same moment, and when one double-clicks', async () => {
    const requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    const approverA = t.chat(people.approver);
    const approverB = t.chat({
      id: '29:nestor',
      aadObjectId: SEED.users.nestedApprover.id,
      name: 'Nestor Wilke',
    });
    const click = async (chat: typeof approverA, verb: string) =>
      chat.post(chat.invokeActivity(await approvalAction(t, requestId, verb)));
    await waiveFindings(t, requestId);
    const results = await Promise.all([
      click(approverA, 'approval.approve'),
      click(approverA, 'approval.approve'),
      click(approverB, 'approval.reject'),
      click(approverB, 'approval.approve'),
    ]);
    assert.ok(results.every((r) => r.status === 200));
    const decided = (await t.app.store.audit.listForRequest(requestId)).filter(
      (e) => e.action === 'approval.decided',
    );
    assert.equal(decided.length, 1, 'exactly one decision');
    const alreadyDecided = results.filter((r) =>
      /This request is already/.test(cardText((r.body as { value: unknown }).value)),
    );
    assert.equal(alreadyDecided.length, 3, 'the others see the current status');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await t.app.worker?.drain();
    assert.ok(removeCalls(t) <= 1);
  });

  it('answers a stale approval card with the current status instead of acting', async () => {
    const requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    const approver = t.chat(people.approver);
    const click = async () =>
      approver.post(approver.invokeActivity(await approvalAction(t, requestId, 'approval.reject')));
    await click();
    const stale = await click();
    assert.match(cardText((stale.body as { value: unknown }).value), /already decided \(status: rejected\)/);
  });

  it('answers tampered approval data with an error card', async () => {
    const approver = t.chat(people.approver);
    for (const data of [
      { requestId: 'x' },
      { requestId: 42 },
      {},
      { requestId: '00000000-0000-4000-8000-000000000000' },
    ]) {
      const res = await approver.post(
        approver.invokeActivity({ action: { type: 'Action.Execute', verb: 'approval.approve', data } }),
      );
      assert.equal(res.status, 200);
      assert.match(
        cardText((res.body as { value: unknown }).value),
        /did not understand that button|no longer exists/,
      );
    }
  });

  it('posts approval cards to the approvals channel once an approver sets it', async () => {
    const channel = approvalsChannel(t);
    const command: Record<string, unknown> = {
      ...channel.baseActivity(),
      type: 'message',
      text: '<at>Unblock assistant</at> set approvals channel',
    };
    const before = t.connector.activities.length;
    await channel.post(command);
    const [set] = t.connector.activities.slice(before).flatMap((a) => cardsIn(a.activity));
    assert.match(cardText(set), /This channel now receives unblock requests/);
    assert.match(cardText(set), /Cards here are in English/);
    const requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    const { card } = await approvalCardIn(t.connector, CHANNEL, requestId);
    assert.match(cardText(card), /Refresh/);
  });

  it('starts a new post in the channel for each request, not a reply under "set approvals channel"', async () => {
    // In a channel, conversation.id carries the thread's root post: sending to the stored reference would
    // reply under the command. A new post is a new conversation in the channel (channelData.channel.id),
    // as Microsoft's "start new thread in channel" sample does (OfficeDev/Microsoft-Teams-Samples,
    // samples/bot-initiate-thread-in-channel).
    const channel = approvalsChannel(t);
    await channel.say('set approvals channel');
    const rob = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    const diego = await requestUnblock(t.chat(people.agent2), SEED.users.diego.upn);
    const robPost = (await approvalCardIn(t.connector, CHANNEL, rob)).sent;
    const diegoPost = (await approvalCardIn(t.connector, CHANNEL, diego)).sent;
    for (const post of [robPost, diegoPost]) {
      assert.equal(post.newConversation, true, 'a new post in the channel');
      assert.notEqual(post.threadRoot, COMMAND_ROOT, 'not in the thread of the command');
    }
    assert.notEqual(robPost.threadRoot, diegoPost.threadRoot, 'one thread per request');
    const cards = await t.app.store.conversations.listSentCards(rob);
    assert.deepEqual(
      cards.map((c) => [c.conversationId, c.activityId]),
      [[`${CHANNEL};messageid=${robPost.threadRoot}`, robPost.threadRoot]],
    );
  });

  it("keeps the request's card updates and replies in its own thread", async () => {
    const channel = approvalsChannel(t);
    await channel.say('set approvals channel');
    const requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    const { sent: post } = await approvalCardIn(t.connector, CHANNEL, requestId);
    await waiveFindings(t, requestId);
    // Patti clicks in the request's thread: Teams sends the thread's conversation id.
    const inThread = t.chat(people.approver, {
      channel: { channelId: CHANNEL, threadRoot: post.assignedId },
    });
    const approved = await inThread.post(
      inThread.invokeActivity(await approvalAction(t, requestId, 'approval.approve')),
    );
    assert.equal(approved.status, 200);
    const update = await t.connector.waitFor(
      (a) =>
        a.method === 'PUT' &&
        a.conversationId === CHANNEL &&
        /Sending resumed/.test(JSON.stringify(a.activity)),
      15_000,
    );
    assert.equal(update.threadRoot, post.threadRoot, 'the update goes to the thread of the post');
    assert.equal(update.activityId, post.assignedId, 'and updates the post itself');
    const inChannel = t.connector.activities.filter((a) => a.conversationId === CHANNEL);
    assert.equal(inChannel.filter((a) => a.newConversation).length, 1, 'no further new posts');
  });

  it('still updates cards posted under an older approvals-channel reference', async () => {
    // Cards stored before requests got threads of their own live in the thread of the command.
    const channel = approvalsChannel(t);
    await channel.say('set approvals channel');
    const requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    await approvalCardIn(t.connector, CHANNEL, requestId);
    await t.app.store.conversations.addSentCard({
      requestId,
      conversationId: channel.conversationId,
      activityId: 'card-posted-under-the-command',
      kind: 'approval',
    });
    await approve(t, requestId);
    const update = await t.connector.waitFor(
      (a) => a.method === 'PUT' && a.activityId === 'card-posted-under-the-command',
      15_000,
    );
    assert.equal(update.conversationId, CHANNEL);
    assert.equal(update.threadRoot, COMMAND_ROOT);
  });

  it('speaks the language the approvals channel was set to, whatever the agents speak', async () => {
    const channel = t.chat(people.approver, {
      channel: { channelId: '19:godkendelser@thread.tacv2', threadRoot: COMMAND_ROOT },
      locale: 'en-US',
    });
    const [set] = await channel.say('set approvals channel da');
    assert.match(cardText(set), /Denne kanal modtager nu anmodninger/);
    const requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    const { card } = await approvalCardIn(t.connector, '19:godkendelser@thread.tacv2', requestId);
    assert.match(cardText(card), /Fjern blokering af Rob Young|Anmodning om at fjerne blokering/);
  });

  it('refuses "set approvals channel" from a non-approver', async () => {
    const channel = t.chat(people.nonApprover, {
      channel: { channelId: '19:general@thread.tacv2', threadRoot: COMMAND_ROOT },
    });
    const [refused] = await channel.say('set approvals channel');
    assert.match(cardText(refused), /Only members of the approvers group can choose/);
    assert.equal(await t.app.store.conversations.getReference('approvals-channel'), null);
  });

  it('tells the agent when no approver can be reached', async () => {
    const agent = t.chat(people.agent);
    await requestUnblock(agent, 'rob@contoso.com');
    await t.connector.waitFor(
      (a) =>
        a.conversationId === agent.conversationId &&
        /No approver can be reached/.test(JSON.stringify(a.activity)),
    );
  });
});
