// The tenant boundary: people from another Microsoft 365 tenant (the bot added to a chat elsewhere) are
// refused with a card in their language and an audit entry, for messages and clicks alike, and nothing of
// theirs is remembered.
import { strict as assert } from 'node:assert';
import { SEED } from '../../../src/tenant/index.js';
import { requestUnblock } from '../../support/flows.js';
import { approvalAction } from '../../support/signedCards.js';
import { cardText, TeamsChat, type TeamsPerson } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

const OTHER_TENANT = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const stranger: TeamsPerson = {
  id: '29:stranger',
  aadObjectId: 'a1b2c3d4-0000-4000-8000-00000000beef',
  name: 'Eve Outsider',
};

function chatFrom(t: TestApp, tenantId: string, person = stranger, locale?: string): TeamsChat {
  return new TeamsChat({ botUrl: t.url, connector: t.connector, person, tenantId, locale });
}

describe('tenant boundary', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.stop();
  });

  describe('by default (the simulated tenant only)', () => {
    beforeEach(async () => {
      t = await startTestApp();
    });

    it('refuses a message from another tenant with a card, records the refusal and remembers nothing', async () => {
      const chat = chatFrom(t, OTHER_TENANT);
      const [card] = await chat.say('unblock rob@contoso.com');
      assert.match(cardText(card), /serves its own organization only/);
      assert.deepEqual(await t.app.store.requests.listRecent(10), []);
      assert.equal(t.app.simulator?.calls().length, 0, 'the tenant was not touched');
      const [refusal] = (await t.app.store.audit.listRecent(10)).filter((e) => e.action === 'access.refused');
      assert.equal(refusal?.detail.reason, 'other-tenant');
      assert.equal(refusal?.detail.tenantId, OTHER_TENANT);
      assert.equal(refusal?.actor?.aadObjectId, stranger.aadObjectId);
      assert.equal(await t.app.store.conversations.getReference(`conversation:${chat.conversationId}`), null);
      assert.deepEqual(await t.app.store.conversations.listReferences('user:'), []);
    });

    it('refuses a click from another tenant, even with genuine card data, and changes nothing', async () => {
      const requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
      // An approver of the bot's tenant, but the activity says it comes from elsewhere.
      const chat = chatFrom(t, OTHER_TENANT, people.approver);
      const res = await chat.post(
        chat.invokeActivity(await approvalAction(t, requestId, 'approval.approve')),
      );
      assert.equal(res.status, 200);
      assert.match(cardText((res.body as { value: unknown }).value), /serves its own organization only/);
      assert.equal((await t.app.store.requests.get(requestId))?.state, 'pending_approval');
      const refusals = (await t.app.store.audit.listRecent(50)).filter((e) => e.action === 'access.refused');
      assert.equal(refusals.length, 1);
      assert.equal(refusals[0]?.detail.activityType, 'invoke');
    });

    it('answers in the person’s language', async () => {
      const [card] = await chatFrom(t, OTHER_TENANT, stranger, 'da-DK').say('hjælp');
      assert.match(cardText(card), /betjener kun sin egen organisation/);
    });

    it('refuses an activity whose channelData names another tenant than its conversation', async () => {
      const chat = t.chat();
      const activity = {
        ...chat.baseActivity(),
        type: 'message',
        text: 'unblock rob@contoso.com',
        channelData: { tenant: { id: OTHER_TENANT } },
      };
      const before = t.connector.activities.length;
      const res = await chat.post(activity);
      assert.equal(res.status, 200);
      assert.match(JSON.stringify(t.connector.activities.slice(before)), /serves its own organization only/);
      assert.deepEqual(await t.app.store.requests.listRecent(10), []);
    });

    it('still serves its own tenant', async () => {
      const [card] = await t.chat().say('unblock rob@contoso.com');
      assert.match(cardText(card), /Has the password of Rob/);
    });
  });

  it('serves exactly the tenants in ALLOWED_TENANT_IDS when it is set', async () => {
    t = await startTestApp({ ALLOWED_TENANT_IDS: ` ${OTHER_TENANT.toUpperCase()} , ${OTHER_TENANT}` });
    const [welcome] = await chatFrom(t, OTHER_TENANT).say('help');
    assert.doesNotMatch(cardText(welcome), /serves its own organization only/);
    const [refused] = await chatFrom(t, SEED.tenantId, people.agent).say('help');
    assert.match(cardText(refused), /serves its own organization only/);
  });
});
