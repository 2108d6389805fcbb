// The HMAC on card button data: a button whose ids were changed, whose signature is missing or forged,
// or whose signature was copied from another runbook, request or button is answered with "I did not
// understand that button", and nothing changes. Genuine buttons keep working across a restart.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CARD_SIGNING_STATE_KEY } from '../../../src/bot/cardSigning.js';
import { requestUnblock } from '../../support/flows.js';
import { approvalAction } from '../../support/signedCards.js';
import { type Card, cardText, findAction, type TeamsChat } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

const UNKNOWN_ACTION = /did not understand that button/;
const FORGED_SIG = 'A'.repeat(43); // the length and alphabet of a real one

interface ButtonData {
  runbookId: string;
  step: string;
  sig: string;
}

function dataOf(card: Card | null, verb: string): ButtonData {
  const action = card ? findAction(card, verb) : undefined;
  assert.ok(action?.data, `button ${verb}`);
  return action.data as unknown as ButtonData;
}

async function clickWith(chat: TeamsChat, verb: string, data: Record<string, unknown>) {
  const res = await chat.post(chat.invokeActivity({ action: { type: 'Action.Execute', verb, data } }));
  assert.equal(res.status, 200);
  return cardText((res.body as { value: unknown }).value);
}

describe('card data signatures', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.stop();
  });

  it('refuses tampered, unsigned, forged and borrowed runbook button data, and changes nothing', async () => {
    const chat = t.chat();
    const [card] = await chat.say('unblock rob@contoso.com');
    const genuine = dataOf(card ?? null, 'runbook.passwordResetNow');
    const other = t.chat(people.agent2);
    const [otherCard] = await other.say('unblock diego@contoso.com');
    const borrowed = dataOf(otherCard ?? null, 'runbook.passwordResetNow');
    const cancel = dataOf(card ?? null, 'runbook.cancel');
    const requestsBefore = await t.app.store.requests.listRecent(10);

    for (const [what, data] of [
      ['a changed runbook id, signature kept', { ...genuine, runbookId: borrowed.runbookId }],
      ['a changed step, signature kept', { ...genuine, step: 'confirm' }],
      ['a forged signature', { ...genuine, sig: FORGED_SIG }],
      ['no signature', { runbookId: genuine.runbookId, step: genuine.step }],
      ['an empty signature', { ...genuine, sig: '' }],
      ['a non-string signature', { ...genuine, sig: 42 }],
      ['the signature of another runbook', { ...genuine, sig: borrowed.sig }],
      ['the signature of another button (Cancel)', { ...genuine, sig: cancel.sig }],
    ] as const) {
      assert.match(await clickWith(chat, 'runbook.passwordResetNow', data), UNKNOWN_ACTION, what);
    }
    assert.deepEqual(await t.app.store.requests.listRecent(10), requestsBefore);
    const patches = (t.app.simulator?.calls() ?? []).filter((c) => c.method === 'PATCH');
    assert.equal(patches.length, 0, 'no password was reset');

    const reset = await chat.click('runbook.passwordResetNow', {}, card ?? null);
    assert.match(cardText(reset.card), /Temporary password/, 'the genuine button still works');
  });

  it('refuses approval data signed for another request or another verb, and changes nothing', async () => {
    const first = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    const second = await requestUnblock(t.chat(people.agent2), 'diego@contoso.com');
    const approver = t.chat(people.approver);
    const borrowed = (await approvalAction(t, second, 'approval.approve')).action.data.sig;
    const refresh = (await approvalAction(t, first, 'approval.refresh')).action.data.sig;

    for (const [what, data] of [
      ['the signature of another request', { requestId: first, sig: borrowed }],
      ['the signature of the Refresh button', { requestId: first, sig: refresh }],
      ['a forged signature', { requestId: first, sig: FORGED_SIG }],
      ['no signature', { requestId: first }],
    ] as const) {
      assert.match(await clickWith(approver, 'approval.approve', data), UNKNOWN_ACTION, what);
    }
    assert.equal((await t.app.store.requests.get(first))?.state, 'pending_approval');
    const decided = (await t.app.store.audit.listForRequest(first)).filter((e) =>
      e.action.startsWith('approval.'),
    );
    assert.deepEqual(decided, [], 'not even a refusal reached the approval policy');
  });

  it('keeps its generated key in the store (never in the logs), so cards survive a restart', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-card-key-'));
    const before = await startTestApp({}, { dataDir });
    let after: TestApp | null = null;
    try {
      const chat = before.chat();
      const [card] = await chat.say('unblock rob@contoso.com');
      const stored = (await before.app.store.state.read([CARD_SIGNING_STATE_KEY]))[CARD_SIGNING_STATE_KEY];
      const key = (stored?.value as { key?: string } | undefined)?.key;
      assert.ok(key && Buffer.from(key, 'base64').length === 32, 'a 256-bit key in the store');
      assert.ok(!before.logLines.join('\n').includes(key), 'the key is not logged');
      await before.stop();

      after = await startTestApp({}, { dataDir });
      const restarted = after.chat(people.agent, { conversationId: chat.conversationId });
      const reset = await restarted.click('runbook.passwordResetNow', {}, card ?? null);
      assert.match(cardText(reset.card), /Temporary password/);
    } finally {
      await after?.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('signs with CARD_SIGNING_SECRET when it is set, so instances with separate stores accept each other’s cards', async () => {
    const secret = 'a-long-operator-chosen-secret-of-at-least-32-characters';
    const a = await startTestApp({ CARD_SIGNING_SECRET: secret });
    const b = await startTestApp({ CARD_SIGNING_SECRET: secret });
    try {
      const chat = a.chat();
      const [card] = await chat.say('unblock rob@contoso.com');
      const data = { ...dataOf(card ?? null, 'runbook.passwordResetNow') };
      // b has no runbook in progress: "this step is done" means the signature itself was accepted.
      const onB = b.chat(people.agent, { conversationId: chat.conversationId });
      assert.match(await clickWith(onB, 'runbook.passwordResetNow', data), /This step is done/);
      const onGeneratedKey = t.chat(people.agent, { conversationId: chat.conversationId });
      assert.match(await clickWith(onGeneratedKey, 'runbook.passwordResetNow', data), UNKNOWN_ACTION);
      assert.deepEqual(await a.app.store.state.read([CARD_SIGNING_STATE_KEY]), {}, 'no key generated');
      for (const app of [a, b])
        assert.ok(!app.logLines.join('\n').includes(secret), 'the secret is not logged');
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
