// An approver's first contact: requests submitted while no approver could be reached wait for one. The
// first time an approver writes to the bot in a personal chat, or installs it there, they get the card of
// every request waiting for them, and those cards are updated like any other when the request moves on.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { SEED } from '../../../src/tenant/index.js';
import { requestUnblock, waiveOnCard } from '../../support/flows.js';
import { type Card, cardText, TeamsChat, type TeamsPerson } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

const WAITING = /unblock requests? (is|are) waiting for your approval/;

describe('requests waiting for an approver', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ WORKER_POLL_INTERVAL_MS: '50', SIMULATOR_RELEASE_DELAY_S: '1' });
  });
  afterEach(async () => {
    await t.stop();
  });

  /** Two requests nobody could approve yet: the agent hears "No approver can be reached yet" for each. */
  async function twoWaitingRequests(): Promise<string[]> {
    const agent = t.chat(people.agent);
    const ids = [
      await requestUnblock(agent, 'rob@contoso.com'),
      await requestUnblock(agent, 'diego@contoso.com'),
    ];
    await t.connector.waitFor(
      (a) => a.conversationId === agent.conversationId && /No approver can be reached yet/.test(json(a)),
    );
    return ids;
  }

  it('shows an approver who writes for the first time every request waiting, after the answer', async () => {
    const ids = await twoWaitingRequests();
    const patti = t.chat(people.approver);
    const cards = await patti.say('help');
    assert.match(cardText(cards[0]), /how I can help/);
    assert.match(cardText(cards[1]), /2 unblock requests are waiting for your approval/);
    const approvalCards = cards.slice(2);
    assert.deepEqual(
      approvalCards.map((c) => /Unblock (.*)\?/.exec(cardText(c))?.[1]),
      ['Rob Young (rob@contoso.com)', 'Diego Siciliani (diego@contoso.com)'],
      'oldest first',
    );
    for (const card of approvalCards) assert.match(cardText(card), /Refresh/);
    // Each copy is remembered, so it is updated when the request moves on.
    for (const id of ids) {
      const sent = await t.app.store.conversations.listSentCards(id);
      assert.deepEqual(
        sent.map((c) => c.conversationId),
        [patti.conversationId],
      );
    }
    assert.doesNotMatch((await patti.say('help')).map(cardText).join('\n'), WAITING, 'only the first time');
  });

  it('updates the card shown to the approver when they approve from it', async () => {
    const [robRequest] = await twoWaitingRequests();
    const patti = t.chat(people.approver);
    const cards = await patti.say('hello');
    const robCard = cards.find((c) => /Rob Young/.test(cardText(c))) as Card;
    const view = await patti.click('approval.refresh', {}, robCard);
    const cleared = await waiveOnCard(patti, view.card as Card);
    const approved = await patti.click('Approve', {}, cleared);
    assert.match(cardText(approved.card), /Patti Fernandez/);
    const [sent] = await t.app.store.conversations.listSentCards(robRequest ?? '');
    const update = await t.connector.waitFor(
      (a) => a.method === 'PUT' && a.activityId === sent?.activityId && /unblocked|approved/i.test(json(a)),
      15_000,
    );
    assert.equal(update.conversationId, patti.conversationId);
  });

  it('shows them when an approver installs the bot in a personal chat', async () => {
    await twoWaitingRequests();
    const patti = t.chat(people.approver);
    const before = t.connector.activities.length;
    const install = {
      ...patti.baseActivity(),
      type: 'conversationUpdate',
      membersAdded: [{ id: '28:bot-id' }, { id: people.approver.id }],
    };
    assert.equal((await patti.post(install)).status, 200);
    const texts = t.connector.activities
      .slice(before)
      .filter((a) => a.conversationId === patti.conversationId)
      .map((a) => json(a));
    assert.match(texts[0] ?? '', /how I can help/);
    assert.match(texts[1] ?? '', /2 unblock requests are waiting for your approval/);
    assert.equal(texts.length, 4);
  });

  it('shows nothing to a first-time visitor who is not an approver, nor outside a personal chat', async () => {
    await twoWaitingRequests();
    const alex = await t.chat(people.nonApprover).say('help');
    assert.equal(alex.length, 1);
    const channel = await chatIn('channel', people.approver).say('help');
    assert.doesNotMatch(channel.map(cardText).join('\n'), WAITING);
    // A channel message is no first contact: her first personal message still shows what waits.
    assert.match((await t.chat(people.approver).say('help')).map(cardText).join('\n'), WAITING);
  });

  it('shows nothing to an approver the bot could reach before (a chat kept from an earlier process)', async () => {
    await twoWaitingRequests();
    const patti = t.chat(people.approver);
    await t.app.store.conversations.saveReference(`user:${people.approver.aadObjectId}`, {
      reference: { conversation: { id: patti.conversationId }, serviceUrl: t.connector.url },
      language: 'en',
    });
    assert.doesNotMatch((await patti.say('help')).map(cardText).join('\n'), WAITING);
  });

  it('does not show an approver their own requests', async () => {
    // Patti, an approver, starts a request in a group chat: nobody can approve it yet.
    await requestUnblock(chatIn('groupChat', people.approver), 'rob@contoso.com');
    assert.doesNotMatch(
      (await t.chat(people.approver).say('help')).map(cardText).join('\n'),
      WAITING,
      'her first personal message',
    );
    const nestor = { id: '29:nestor', aadObjectId: SEED.users.nestedApprover.id, name: 'Nestor Wilke' };
    assert.match((await t.chat(nestor).say('help')).map(cardText).join('\n'), /1 unblock request is waiting/);
  });

  function chatIn(conversationType: 'channel' | 'groupChat', person: TeamsPerson): TeamsChat {
    return new TeamsChat({
      botUrl: t.url,
      connector: t.connector,
      person,
      tenantId: SEED.tenantId,
      conversationType,
      conversationId: `19:${randomUUID()}@thread.v2`,
    });
  }
});

function json(activity: { activity: unknown }): string {
  return JSON.stringify(activity.activity);
}
