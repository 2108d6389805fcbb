// Local mode (the simulated tenant, no MicrosoftAppId): any local client works with no setting changed.
// Microsoft 365 Agents Playground's default configuration sends a tenant id that is not even a GUID and a
// user the simulated directory has never heard of; the Bot Framework Emulator sends no tenant and no Entra
// id. Both are served as people of the simulated tenant, added to its directory as helpdesk agents on first
// sight and told so once. With TENANT_MODE=live nothing of this applies.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { SEED } from '../../../src/tenant/index.js';
import { requestUnblock } from '../../support/flows.js';
import { cardsIn, cardText, TeamsChat, type TeamsPerson } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

/** What Agents Playground sends with its default configuration (no config file). */
const PLAYGROUND_TENANT = '00000000-0000-0000-0000-0000000000001';
const alexWilber: TeamsPerson = {
  id: 'user-id-0',
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
  name: 'Alex Wilber',
};
const WELCOME = /Welcome to the simulated contoso\.com tenant/;

describe('local mode: any local client', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.stop();
  });

  function playgroundChat(): TeamsChat {
    return new TeamsChat({
      botUrl: t.url,
      connector: t.connector,
      person: alexWilber,
      tenantId: PLAYGROUND_TENANT,
    });
  }

  describe('with the simulated tenant and no MicrosoftAppId', () => {
    beforeEach(async () => {
      t = await startTestApp();
    });

    it('walks the Agents Playground’s default user to "Unblock requested", as a new helpdesk agent', async () => {
      const chat = playgroundChat();
      const requestId = await requestUnblock(chat, 'rob@contoso.com');
      const request = await t.app.store.requests.get(requestId);
      assert.equal(request?.state, 'pending_approval');
      assert.equal(request?.requester.name, 'Alex Wilber');
      // The directory now knows them: a helpdesk agent with an address of their own, an Entra object id.
      const id = request?.requester.aadObjectId ?? '';
      assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      const user = t.app.simulator?.findUser(id);
      assert.equal(user?.displayName, 'Alex Wilber');
      // Alex Wilber of the seeded tenant already has alex.wilber@contoso.com.
      assert.equal(user?.userPrincipalName, 'alex.wilber2@contoso.com');
      assert.deepEqual(await t.app.tenant.checkMemberGroups(id, [SEED.groups.helpdesk]), [
        SEED.groups.helpdesk,
      ]);
    });

    it('tells a newcomer once, in their first reply, and the same person stays the same person', async () => {
      const chat = playgroundChat();
      const first = await chat.say('help');
      assert.equal(first.length, 2, 'the welcome, then the answer');
      assert.match(cardText(first[0]), WELCOME);
      assert.match(cardText(first[0]), /alex\.wilber2@contoso\.com/);
      assert.match(cardText(first[0]), /npm run playground -- --as approver/);
      assert.match(cardText(first[1]), /how I can help/);
      const second = await chat.say('help');
      assert.equal(second.length, 1);
      assert.doesNotMatch(cardText(second[0]), WELCOME);
      // A later conversation of the same client user: the same person, not a second newcomer.
      const another = new TeamsChat({
        botUrl: t.url,
        connector: t.connector,
        person: alexWilber,
        tenantId: PLAYGROUND_TENANT,
      });
      assert.doesNotMatch(cardText((await another.say('help'))[0]), WELCOME);
      const alexes = ['alex.wilber2@contoso.com', 'alex.wilber3@contoso.com'].map((a) =>
        t.app.simulator?.findUser(a),
      );
      assert.ok(alexes[0]);
      assert.equal(alexes[1], undefined);
    });

    it('takes the name from the first message when the install before it names nobody', async () => {
      const chat = playgroundChat();
      const install = {
        ...chat.baseActivity(),
        type: 'conversationUpdate',
        from: { id: alexWilber.id, aadObjectId: alexWilber.aadObjectId },
        membersAdded: [{ id: alexWilber.id }, { id: '28:bot-id' }],
      };
      assert.equal((await chat.post(install)).status, 200);
      const [welcome] = await chat.say('help');
      assert.match(cardText(welcome), /Alex Wilber, alex\.wilber2@contoso\.com/);
    });

    it('answers an Emulator-style activity (no tenant, no Entra id) with the runbook’s first card', async () => {
      const conversationId = `${randomUUID()}|livechat`;
      const res = await fetch(`${t.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: randomUUID(),
          channelId: 'emulator',
          serviceUrl: t.connector.url,
          timestamp: new Date().toISOString(),
          locale: 'en-US',
          from: { id: randomUUID(), name: 'User', role: 'user' },
          recipient: { id: randomUUID(), name: 'Bot', role: 'bot' },
          conversation: { id: conversationId },
          text: 'unblock rob@contoso.com',
          textFormat: 'plain',
        }),
      });
      assert.equal(res.status, 200);
      const cards = t.connector.activities
        .filter((a) => a.conversationId === conversationId)
        .flatMap((a) => cardsIn(a.activity));
      assert.equal(cards.length, 2, cards.map(cardText).join('\n---\n'));
      assert.match(cardText(cards[0]), WELCOME);
      assert.match(cardText(cards[1]), /Has the password of Rob Young \(rob@contoso\.com\) been reset/);
    });

    it('does not welcome people the simulated directory already knows', async () => {
      const cards = await t.chat(people.agent).say('help');
      assert.equal(cards.length, 1);
      assert.doesNotMatch(cardText(cards[0]), WELCOME);
    });

    it('lets a newcomer start requests when HELPDESK_GROUP_ID limits them to the helpdesk group', async () => {
      await t.stop();
      t = await startTestApp({ HELPDESK_GROUP_ID: SEED.groups.helpdesk });
      const cards = await playgroundChat().say('unblock rob@contoso.com');
      assert.match(cardText(cards.at(-1)), /Has the password of Rob Young/);
    });
  });

  it('changes nothing with TENANT_MODE=live: the Playground’s default tenant is refused', async () => {
    t = await startTestApp({
      TENANT_MODE: 'live',
      AZURE_TENANT_ID: SEED.tenantId,
      APPROVER_GROUP_ID: SEED.groups.approvers,
      HELPDESK_GROUP_ID: SEED.groups.helpdesk,
      WORKER: 'off',
    });
    const cards = await playgroundChat().say('unblock rob@contoso.com');
    assert.equal(cards.length, 1);
    assert.match(cardText(cards[0]), /serves its own organization only/);
    const refusal = (await t.app.store.audit.listRecent(10)).find((e) => e.action === 'access.refused');
    assert.equal(refusal?.detail.tenantId, PLAYGROUND_TENANT);
  });
});
