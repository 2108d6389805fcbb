// Flood limits: a person over USER_RATE_LIMIT_PER_MIN gets a "slow down" card in their language (for a
// click, as the invoke's card) while others are unaffected; more than MAX_CONCURRENT_TURNS turns at once
// get HTTP 429 with Retry-After, and nothing of the refused turn happens.
import { strict as assert } from 'node:assert';
import { cardText } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

const SLOW_DOWN = /You are going too fast/;

describe('limits', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.stop();
  });

  describe('per-person rate', () => {
    beforeEach(async () => {
      t = await startTestApp({ USER_RATE_LIMIT_PER_MIN: '3' });
    });

    it('answers messages over the rate with a "slow down" card and does not act on them', async () => {
      const chat = t.chat();
      for (let i = 0; i < 3; i += 1) assert.doesNotMatch(cardText((await chat.say('help'))[0]), SLOW_DOWN);
      const [card] = await chat.say('unblock rob@contoso.com');
      assert.match(cardText(card), SLOW_DOWN);
      assert.deepEqual(await t.app.store.requests.listRecent(10), []);
      assert.equal(t.app.simulator?.calls().length, 0, 'the tenant was not touched');

      const [other] = await t.chat(people.agent2).say('help');
      assert.doesNotMatch(cardText(other), SLOW_DOWN, 'another person keeps their own allowance');
    });

    it('answers a click over the rate with the "slow down" card as the invoke response', async () => {
      const chat = t.chat();
      const [card] = await chat.say('unblock rob@contoso.com');
      await chat.say('help');
      await chat.say('help');
      const click = await chat.click('runbook.passwordResetNow', {}, card ?? null);
      assert.equal(click.status, 200);
      assert.match(cardText(click.card), SLOW_DOWN);
      const patches = (t.app.simulator?.calls() ?? []).filter((c) => c.method === 'PATCH');
      assert.equal(patches.length, 0, 'no password was reset');
    });

    it('speaks the person’s language', async () => {
      const chat = t.chat(people.agent, { locale: 'sv-SE' });
      for (let i = 0; i < 3; i += 1) await chat.say('hjälp');
      assert.match(cardText((await chat.say('hjälp'))[0]), /Du går för fort fram/);
    });
  });

  it('answers turns beyond MAX_CONCURRENT_TURNS with 429 and Retry-After, then serves again', async () => {
    t = await startTestApp({ MAX_CONCURRENT_TURNS: '1' });
    const simulator = t.app.simulator;
    assert.ok(simulator);
    // The first turn's directory search is throttled once, so it stays in progress for about a second.
    simulator.setFaults({ graph: { sequence: [429], retryAfterSeconds: 1 } });
    const slow = t.chat().say('unblock rob@contoso.com');
    const deadline = Date.now() + 5000;
    while (simulator.calls().length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));

    const other = t.chat(people.agent2);
    const res = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...other.baseActivity(), type: 'message', text: 'unblock diego@contoso.com' }),
    });
    assert.equal(res.status, 429);
    assert.equal(res.headers.get('retry-after'), '1');
    assert.deepEqual(await res.json(), { error: 'TooManyRequests' });

    const [card] = await slow;
    assert.match(cardText(card), /Has the password of Rob/);
    assert.equal(await t.app.store.conversations.getReference(`conversation:${other.conversationId}`), null);
    const [later] = await other.say('help');
    assert.ok(later, 'a slot is free again once the first turn ended');
  });
});
