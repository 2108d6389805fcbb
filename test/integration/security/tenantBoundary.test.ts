// The tenant boundary, wherever requests are authenticated (a MicrosoftAppId): people from another Microsoft
// 365 tenant (the bot added to a chat elsewhere) are refused with a card in their language and an audit
// entry, for messages and clicks alike, and nothing of theirs is remembered. Without a MicrosoftAppId on the
// simulated tenant (local mode) there is no boundary to keep: test/integration/bot/localMode.test.ts.
import { strict as assert } from 'node:assert';
import { SEED } from '../../../src/tenant/index.js';
import { type AuthenticatedBot, startAuthenticatedBot } from '../../support/authenticatedBot.js';
import { requestUnblock } from '../../support/flows.js';
import { approvalAction } from '../../support/signedCards.js';
import { cardText, type TeamsPerson } from '../../support/teams.js';
import { people } from '../../support/testApp.js';
import { until } from '../../support/until.js';

const OTHER_TENANT = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const stranger: TeamsPerson = {
  id: '29:stranger',
  aadObjectId: 'a1b2c3d4-0000-4000-8000-00000000beef',
  name: 'Eve Outsider',
};

describe('tenant boundary (authenticated)', function () {
  this.timeout(60_000);

  describe('by default (the bot registration’s and the managed tenant)', () => {
    let bot: AuthenticatedBot;
    before(async () => {
      bot = await startAuthenticatedBot();
    });
    after(async () => {
      await bot?.stop();
    });
    beforeEach(() => bot.simulator.clearCalls());

    it('refuses a message from another tenant with a card, records the refusal and remembers nothing', async () => {
      const chat = bot.chat(stranger, { tenantId: OTHER_TENANT });
      const [card] = await chat.say('unblock rob@contoso.com');
      assert.match(cardText(card), /serves its own organization only/);
      const mine = (await bot.store.requests.listRecent(100)).filter(
        (r) => r.requester.aadObjectId === stranger.aadObjectId,
      );
      assert.deepEqual(mine, []);
      assert.equal(bot.simulator.calls().length, 0, 'the tenant was not touched');
      const refusal = (await bot.store.audit.listRecent(100)).find(
        (e) => e.action === 'access.refused' && e.actor?.aadObjectId === stranger.aadObjectId,
      );
      assert.equal(refusal?.detail.reason, 'other-tenant');
      assert.equal(refusal?.detail.tenantId, OTHER_TENANT);
      assert.equal(await bot.store.conversations.getReference(`conversation:${chat.conversationId}`), null);
      assert.equal(await bot.store.conversations.getReference(`user:${stranger.aadObjectId}`), null);
    });

    it('refuses a click from another tenant, even with genuine card data, and changes nothing', async () => {
      const requestId = await requestUnblock(bot.chat(people.agent), 'rob@contoso.com');
      // The jobs the request started (the approval card's directory read) call the tenant; the tests after
      // this one count the tenant's calls from a quiet start.
      await until('the request’s jobs to finish', async () => {
        const { running } = await bot.store.jobs.counts();
        const next = await bot.store.jobs.nextRunAt();
        return running === 0 && (next === null || Date.parse(next) > Date.now());
      });
      // An approver of the bot's tenant, but the activity says it comes from elsewhere.
      const chat = bot.chat(people.approver, { tenantId: OTHER_TENANT });
      const res = await chat.post(
        chat.invokeActivity(await approvalAction(bot, requestId, 'approval.approve')),
      );
      assert.equal(res.status, 200);
      assert.match(cardText((res.body as { value: unknown }).value), /serves its own organization only/);
      assert.equal((await bot.store.requests.get(requestId))?.state, 'pending_approval');
      const refusals = (await bot.store.audit.listRecent(100)).filter(
        (e) => e.action === 'access.refused' && e.actor?.aadObjectId === people.approver.aadObjectId,
      );
      assert.equal(refusals.length, 1);
      assert.equal(refusals[0]?.detail.activityType, 'invoke');
    });

    it('answers in the person’s language', async () => {
      const [card] = await bot.chat(stranger, { tenantId: OTHER_TENANT, locale: 'da-DK' }).say('hjælp');
      assert.match(cardText(card), /betjener kun sin egen organisation/);
    });

    it('refuses an activity whose channelData names another tenant than its conversation', async () => {
      const chat = bot.chat(people.agent2);
      const activity = {
        ...chat.baseActivity(),
        type: 'message',
        text: 'unblock rob@contoso.com',
        channelData: { tenant: { id: OTHER_TENANT } },
      };
      const before = bot.connector.activities.length;
      const res = await chat.post(activity);
      assert.equal(res.status, 200);
      const replies = await bot.connector.waitFor((a) => a.conversationId === chat.conversationId);
      assert.match(JSON.stringify(replies.activity), /serves its own organization only/);
      assert.ok(bot.connector.activities.length > before);
      assert.equal(bot.simulator.calls().length, 0, 'the tenant was not touched');
    });

    it('refuses an activity without a tenant id', async () => {
      const chat = bot.chat(stranger);
      const { tenantId: _dropped, ...conversation } = chat.baseActivity().conversation as Record<
        string,
        unknown
      >;
      const activity = {
        ...chat.baseActivity(),
        type: 'message',
        text: 'help',
        conversation,
        channelData: {},
      };
      assert.equal((await chat.post(activity)).status, 200);
      const reply = await bot.connector.waitFor((a) => a.conversationId === chat.conversationId);
      assert.match(JSON.stringify(reply.activity), /serves its own organization only/);
    });

    it('still serves its own tenant', async () => {
      const [card] = await bot.chat(people.agent).say('unblock diego@contoso.com');
      assert.match(cardText(card), /Has the password of Diego/);
    });
  });

  it('serves exactly the tenants in ALLOWED_TENANT_IDS when it is set', async () => {
    const bot = await startAuthenticatedBot({
      ALLOWED_TENANT_IDS: ` ${OTHER_TENANT.toUpperCase()} , ${OTHER_TENANT}`,
    });
    try {
      const [welcome] = await bot.chat(stranger, { tenantId: OTHER_TENANT }).say('help');
      assert.doesNotMatch(cardText(welcome), /serves its own organization only/);
      const [refused] = await bot.chat(people.agent, { tenantId: SEED.tenantId }).say('help');
      assert.match(cardText(refused), /serves its own organization only/);
    } finally {
      await bot.stop();
    }
  });
});
