// Bot Framework authentication with a MicrosoftAppId, end to end: the bot runs as its own process (as
// `npm start` does) trusting a throwaway test CA, botbuilder validates channel tokens against a local
// OpenID issuer (BOT_OPENID_METADATA), and gets its own outgoing token from a local login authority
// (BOT_LOGIN_URL). Forged tokens of every kind get 401 with nothing recorded and nothing leaked.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore, type Store } from '../../../src/store/index.js';
import { SEED } from '../../../src/tenant/index.js';
import { BotFrameworkChannel, type ChannelTokenOptions } from '../../support/botFrameworkChannel.js';
import { FakeConnector } from '../../support/fakeConnector.js';
import { freePort, type StartedProcess, startProcess, waitUntilUp } from '../../support/processes.js';
import { cardsIn, cardText, TeamsChat } from '../../support/teams.js';
import { people } from '../../support/testApp.js';
import { createTestCa, type TestCa } from '../../support/testCa.js';

const projectRoot = path.resolve(__dirname, '../../..');
const APP_ID = '7a4f3c2e-1b5d-4e6f-8a9b-0c1d2e3f4a5b';
const APP_PASSWORD = `test-bot-secret-${randomUUID()}`;

describe('Bot Framework authentication (MicrosoftAppId set)', function () {
  this.timeout(60_000);
  let ca: TestCa;
  let channel: BotFrameworkChannel;
  let connector: FakeConnector;
  let dataDir: string;
  let bot: StartedProcess | null = null;
  let botUrl: string;
  let store: Store;

  before(async () => {
    ca = await createTestCa();
    channel = new BotFrameworkChannel({
      tls: await ca.issueServerCertificate('bot-framework'),
      appId: APP_ID,
      appPassword: APP_PASSWORD,
      appType: 'SingleTenant',
      homeTenantId: SEED.tenantId,
    });
    await channel.start();
    connector = new FakeConnector();
    await connector.start();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-bot-auth-'));
    const port = await freePort();
    botUrl = `http://127.0.0.1:${port}`;
    bot = startProcess(
      process.execPath,
      ['--require', 'tsx/cjs', 'src/index.ts'],
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: APP_PASSWORD,
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: SEED.tenantId,
        BOT_OPENID_METADATA: channel.openIdMetadataUrl,
        BOT_LOGIN_URL: channel.loginUrl,
        // Node reads extra CAs only at start: the reason the bot runs in its own process here.
        NODE_EXTRA_CA_CERTS: ca.caCertPath,
      },
      projectRoot,
    );
    await waitUntilUp(`${botUrl}/readyz`, 30_000, bot);
    store = openSqliteStore({ dataDir });
  });

  after(async () => {
    await store?.close();
    bot?.signal('SIGKILL');
    await bot?.exited;
    await connector?.stop();
    await channel?.stop();
    await ca?.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  function chat(): TeamsChat {
    return new TeamsChat({ botUrl, connector, person: people.agent, tenantId: SEED.tenantId });
  }

  async function post(activity: Record<string, unknown>, authorization?: string) {
    const res = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization === undefined ? {} : { authorization }),
      },
      body: JSON.stringify(activity),
    });
    return { status: res.status, text: await res.text() };
  }

  function message(c: TeamsChat, text: string): Record<string, unknown> {
    return { ...c.baseActivity(), type: 'message', text };
  }

  it('accepts a token the channel signed, and replies with the bot’s own token', async () => {
    const c = chat();
    const token = await channel.channelToken(connector.url);
    const res = await post(message(c, 'help'), `Bearer ${token}`);
    assert.equal(res.status, 200, res.text);
    const reply = await connector.waitFor((a) => a.conversationId === c.conversationId);
    assert.match(cardText(cardsIn(reply.activity)[0]), /unblock/i);
    const botToken = channel.botTokens.at(-1);
    assert.ok(botToken, 'the bot asked the login authority for its token');
    assert.equal(reply.authorization, `Bearer ${botToken}`);
    const request = channel.tokenRequests.find((r) => r.granted);
    assert.equal(request?.clientId, APP_ID);
    assert.equal(request?.scope, 'https://api.botframework.com/.default');
  });

  it('runs a click end to end with authentication: the invoke answers with a card', async () => {
    const c = chat();
    const token = `Bearer ${await channel.channelToken(connector.url)}`;
    assert.equal((await post(message(c, 'unblock rob@contoso.com'), token)).status, 200);
    const sent = await connector.waitFor((a) => a.conversationId === c.conversationId);
    const [card] = cardsIn(sent.activity);
    const action = JSON.stringify(card).match(/"verb":"runbook\.passwordAlreadyReset","data":(\{[^}]*\})/);
    assert.ok(action?.[1], 'the password card has its buttons');
    const click = await post(
      c.invokeActivity({
        action: {
          type: 'Action.Execute',
          verb: 'runbook.passwordAlreadyReset',
          data: JSON.parse(action[1]),
        },
      }),
      token,
    );
    assert.equal(click.status, 200, click.text);
    assert.match(click.text, /application\/vnd\.microsoft\.card\.adaptive/);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const forgeries: {
    name: string;
    authorization: (serviceUrl: string) => string | undefined | Promise<string>;
  }[] = [
    { name: 'no token', authorization: () => undefined },
    { name: 'an empty header', authorization: () => '' },
    { name: 'not a bearer token', authorization: () => 'Basic dXNlcjpwYXNz' },
    { name: 'a bearer of garbage', authorization: () => 'Bearer not.a.jwt' },
    ...(
      [
        ['a wrong signature (unknown key, known kid)', { key: 'stranger' }],
        ['a key not endorsed for msteams', { key: 'webchat-only' }],
        ['an unknown kid', { kid: 'no-such-key' }],
        ['the wrong audience', { claims: { aud: '00000000-0000-4000-8000-000000000999' } }],
        ['an expired token', { claims: { exp: now() - 3600, iat: now() - 7200, nbf: now() - 7200 } }],
        ['a token not yet valid', { claims: { nbf: now() + 3600, iat: now() + 3600 } }],
        ['the wrong issuer', { claims: { iss: 'https://login.evil.example' } }],
        ['an emulator-looking issuer', { claims: { iss: `https://sts.windows.net/${SEED.tenantId}/` } }],
        ['another serviceUrl', { claims: { serviceurl: 'https://attacker.example/' } }],
        ['alg none', { alg: 'none' }],
        ['HS256 keyed with the public key', { alg: 'HS256' }],
      ] as [string, ChannelTokenOptions][]
    ).map(([name, options]) => ({
      name,
      authorization: async (serviceUrl: string) =>
        `Bearer ${await channel.channelToken(serviceUrl, options)}`,
    })),
  ];

  for (const forgery of forgeries) {
    it(`refuses ${forgery.name} with 401, records nothing and leaks nothing`, async () => {
      const c = chat();
      const auditBefore = (await store.audit.listRecent(1000)).length;
      const requestsBefore = (await store.requests.listRecent(1000)).length;
      for (const activity of [
        message(c, 'unblock rob@contoso.com'),
        c.invokeActivity({
          action: {
            type: 'Action.Execute',
            verb: 'approval.approve',
            data: { requestId: randomUUID(), sig: 'x' },
          },
        }),
      ]) {
        const res = await post(activity, await forgery.authorization(connector.url));
        assert.equal(res.status, 401, `${forgery.name}: ${res.text}`);
        assert.deepEqual(JSON.parse(res.text), { error: 'Unauthorized' });
      }
      assert.equal((await store.audit.listRecent(1000)).length, auditBefore, 'no audit entry');
      assert.equal((await store.requests.listRecent(1000)).length, requestsBefore, 'no request');
      assert.equal(
        await store.conversations.getReference(`conversation:${c.conversationId}`),
        null,
        'no conversation reference',
      );
      assert.equal(
        (await store.conversations.listReferences('')).filter((r) =>
          JSON.stringify(r.reference).includes(c.conversationId),
        ).length,
        0,
      );
      assert.equal(connector.activities.filter((a) => a.conversationId === c.conversationId).length, 0);
    });
  }

  it('keeps answering genuine traffic after the forgeries', async () => {
    const c = chat();
    const res = await post(message(c, 'help'), `Bearer ${await channel.channelToken(connector.url)}`);
    assert.equal(res.status, 200);
    const output = bot?.output() ?? '';
    assert.match(output, /request refused: not authenticated/, 'refusals are logged');
    assert.ok(!output.includes(APP_PASSWORD), 'the app password is never printed');
    assert.doesNotMatch(output, /eyJ[\w-]+\.eyJ/, 'no token, genuine or forged, is printed');
    for (const token of channel.botTokens) assert.ok(!output.includes(token), 'nor the bot’s own token');
  });
});
