// What counts as an approver's first contact: a message or an install of the bot in a personal chat, not a
// typing indicator or someone else joining; a turn the bot refused is no contact; and the waiting requests
// come ten at a time, oldest first, each card refreshing to the approver's own view.
import { strict as assert } from 'node:assert';
import { requestThrough } from '../../support/requests.js';
import { cardText, type TeamsChat } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

const WAITING = /unblock requests? (is|are) waiting for your approval/;

describe('an approver’s first contact', () => {
  let t: TestApp;
  afterEach(async () => {
    await t.stop();
  });

  /** Requests waiting for an approval, submitted a minute apart (as if no approver could be reached). */
  async function waiting(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const submittedAt = new Date(Date.parse('2026-12-01T08:00:00Z') + i * 60_000).toISOString();
      await t.app.store.requests.create(
        requestThrough(`user${i}@contoso.com`, ['pending_approval'], { submittedAt }),
      );
    }
  }
  const sentTo = (chat: TeamsChat, from: number) =>
    t.connector.activities.slice(from).filter((a) => chat.isHere(a));

  it('is not a typing indicator, nor someone else joining the chat, so the first message still counts', async () => {
    t = await startTestApp();
    await waiting(1);
    const patti = t.chat(people.approver);
    const before = t.connector.activities.length;
    assert.equal((await patti.post({ ...patti.baseActivity(), type: 'typing' })).status, 200);
    const joined = {
      ...patti.baseActivity(),
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:someone' }],
    };
    assert.equal((await patti.post(joined)).status, 200);
    assert.deepEqual(sentTo(patti, before), [], 'nothing for a typing indicator or another member');
    assert.match((await patti.say('help')).map(cardText).join('\n'), /1 unblock request is waiting/);
  });

  it('is not a turn the bot refused: the waiting requests come with the first message it answers', async () => {
    t = await startTestApp({ USER_RATE_LIMIT_PER_MIN: '1' });
    await waiting(1);
    const patti = t.chat(people.approver);
    await patti.post({ ...patti.baseActivity(), type: 'typing' }); // spends the allowance
    const refused = await patti.say('help');
    assert.match(cardText(refused[0]), /You are going too fast/);
    assert.doesNotMatch(refused.map(cardText).join('\n'), WAITING);
  });

  it('shows the ten oldest waiting requests, each refreshing to the approver’s view', async () => {
    t = await startTestApp();
    await waiting(12);
    const patti = t.chat(people.approver);
    const cards = await patti.say('help');
    assert.match(cardText(cards[1]), /12 unblock requests are waiting for your approval/);
    const approvalCards = cards.slice(2);
    assert.deepEqual(
      approvalCards.map((c) => /Unblock (\S+)\?/.exec(cardText(c))?.[1]),
      Array.from({ length: 10 }, (_, i) => `user${i}@contoso.com`),
    );
    for (const card of approvalCards) {
      assert.deepEqual((card.refresh as { userIds: string[] }).userIds, [people.approver.id]);
    }
    // Each copy is remembered as an approval card, so the notifier updates it when the request moves on.
    const [first] = await t.app.store.requests.listByState('pending_approval', 1);
    const sent = await t.app.store.conversations.listSentCards(first?.id ?? '');
    assert.deepEqual(
      sent.map((c) => [c.conversationId, c.kind]),
      [[patti.conversationId, 'approval']],
    );
  });
});
