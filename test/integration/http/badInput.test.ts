// Bad input to /api/messages gets a clear 4xx or an error card, never a 5xx, and the server stays up.
import { strict as assert } from 'node:assert';
import { runbookAction } from '../../support/signedCards.js';
import { cardText } from '../../support/teams.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';

describe('bad input to /api/messages', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t.stop();
  });

  async function postRaw(body: string, contentType = 'application/json') {
    const res = await fetch(`${t.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    return { status: res.status, text: await res.text() };
  }

  async function stillWorks() {
    const [card] = await t.chat().say('help');
    assert.match(cardText(card), /how I can help/);
  }

  it('answers malformed JSON with 400', async () => {
    const res = await postRaw('{"type": "message", ');
    assert.equal(res.status, 400);
    await stillWorks();
  });

  it('answers a body over 256 KB with 413', async () => {
    const chat = t.chat();
    const huge = JSON.stringify({ ...chat.baseActivity(), type: 'message', text: 'x'.repeat(300 * 1024) });
    const res = await postRaw(huge);
    assert.equal(res.status, 413);
    await stillWorks();
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await postRaw('type=message', 'application/x-www-form-urlencoded');
    assert.ok([400, 415].includes(res.status), `got ${res.status}`);
  });

  for (const [name, body] of [
    ['an empty object', {}],
    ['an array', []],
    ['a string', 'hello'],
    ['a numeric type', { type: 42 }],
    [
      'no conversation',
      {
        type: 'message',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        from: { id: 'x' },
        recipient: { id: 'b' },
      },
    ],
    [
      'a javascript: serviceUrl',
      {
        type: 'message',
        channelId: 'msteams',
        serviceUrl: 'javascript:alert(1)',
        from: { id: 'x' },
        recipient: { id: 'b' },
        conversation: { id: 'c' },
      },
    ],
  ] as const) {
    it(`answers ${name} with 400 and says what is wrong`, async () => {
      const res = await postRaw(JSON.stringify(body));
      assert.equal(res.status, 400, res.text);
      assert.doesNotMatch(res.text, /at .*\.ts:\d+/, 'no stack trace');
    });
  }

  it('answers an invoke without value.action with 400 and an error body', async () => {
    const chat = t.chat();
    const res = await chat.post(chat.invokeActivity({ trigger: 'manual' }));
    assert.equal(res.status, 400);
    assert.deepEqual((res.body as { type: string }).type, 'application/vnd.microsoft.error');
    await stillWorks();
  });

  it('answers an unknown invoke name with 400', async () => {
    const chat = t.chat();
    const res = await chat.post(chat.invokeActivity({}, 'composeExtension/query'));
    assert.equal(res.status, 400);
  });

  it('answers an unknown verb with an error card', async () => {
    const chat = t.chat();
    const res = await chat.post(
      chat.invokeActivity({ action: { type: 'Action.Execute', verb: 'runbook.deleteEverything', data: {} } }),
    );
    assert.equal(res.status, 200);
    assert.match(cardText((res.body as { value: unknown }).value), /did not understand that button/);
  });

  it('answers tampered card data with an error card and changes nothing', async () => {
    const chat = t.chat();
    await chat.say('unblock rob@contoso.com');
    const before = await t.app.store.requests.listRecent(10);
    for (const data of [
      { runbookId: 'not-a-uuid', step: 'password' },
      { runbookId: '5e98ee25-cfdb-4de6-aa78-caaf8cd5a7be', step: 'password' },
      { runbookId: '5e98ee25-cfdb-4de6-aa78-caaf8cd5a7be', step: 'reboot-the-world' },
      { __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } },
    ]) {
      const res = await chat.post(
        chat.invokeActivity({ action: { type: 'Action.Execute', verb: 'runbook.passwordResetNow', data } }),
      );
      assert.equal(res.status, 200);
      assert.match(
        cardText((res.body as { value: unknown }).value),
        /did not understand that button|This step is done/,
      );
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(await t.app.store.requests.listRecent(10), before);
    const patches = (t.app.simulator?.calls() ?? []).filter((c) => c.method === 'PATCH');
    assert.equal(patches.length, 0, 'no password was reset');
  });

  it('answers a click with no runbook in progress with "this step is done"', async () => {
    const chat = t.chat();
    const res = await chat.post(
      chat.invokeActivity(
        await runbookAction(t, '5e98ee25-cfdb-4de6-aa78-caaf8cd5a7be', 'confirm', 'runbook.confirm'),
      ),
    );
    assert.equal(res.status, 200);
    assert.match(cardText((res.body as { value: unknown }).value), /This step is done/);
  });

  it('ignores activity types it does not handle without an error', async () => {
    const chat = t.chat();
    const res = await chat.post({ ...chat.baseActivity(), type: 'typing' });
    assert.equal(res.status, 200);
  });
});

describe('health endpoints', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t.stop();
  });

  it('/healthz says the process is up', async () => {
    const res = await fetch(`${t.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  it('/readyz checks the store and the tenant', async () => {
    const res = await fetch(`${t.url}/readyz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ready', checks: { store: 'ok', tenant: 'ok' } });
  });

  it('/readyz says 503 when the tenant is unreachable', async () => {
    await t.app.simulator?.stop();
    const res = await fetch(`${t.url}/readyz`);
    assert.equal(res.status, 503);
    const body = (await res.json()) as { checks: Record<string, string> };
    assert.equal(body.checks.tenant, 'unavailable');
    assert.equal(body.checks.store, 'ok');
  });
});
