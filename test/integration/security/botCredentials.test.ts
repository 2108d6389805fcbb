// The bot's own token for its replies, in every deployment shape: SingleTenant, MultiTenant and
// UserAssignedMSI, with the public login authority and with a configured one, under botbuilder's own setting
// names or their BOT_* aliases. The bot runs as its own process (as `npm start` does) against a local
// Bot Framework stand-in that answers like Entra (botFrameworkChannel.ts): a single-tenant app gets a token
// only from its own tenant, a managed identity only from App Service's identity endpoint.
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SEED } from '../../../src/tenant/index.js';
import { type BotApp, BotFrameworkChannel } from '../../support/botFrameworkChannel.js';
import { FakeConnector } from '../../support/fakeConnector.js';
import { freePort, type StartedProcess, startProcess, waitUntilUp } from '../../support/processes.js';
import { TeamsChat } from '../../support/teams.js';
import { people } from '../../support/testApp.js';
import { createTestCa, type TestCa } from '../../support/testCa.js';

const projectRoot = path.resolve(__dirname, '../../..');
const APP_ID = '5b1e9f3c-7d2a-4c6e-8f10-2a3b4c5d6e7f';
const APP_PASSWORD = `test-bot-secret-${randomUUID()}`;
/** The Microsoft 365 app of TENANT_MODE=live (the @azure/identity variables): never the bot's identity. */
const GRAPH_APP = {
  AZURE_CLIENT_ID: 'c0ffee00-0000-4000-8000-000000000001',
  AZURE_CLIENT_SECRET: 'graph-secret',
};

describe('the bot’s own credentials in every deployment shape', function () {
  this.timeout(90_000);
  let ca: TestCa;
  let connector: FakeConnector;
  let dataDir: string;
  let channel: BotFrameworkChannel | null = null;
  let bot: StartedProcess | null = null;

  before(async () => {
    ca = await createTestCa();
    connector = new FakeConnector();
    await connector.start();
  });

  afterEach(async () => {
    bot?.signal('SIGKILL');
    await bot?.exited;
    bot = null;
    await channel?.stop();
    channel = null;
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  after(async () => {
    await connector?.stop();
    await ca?.dispose();
  });

  /** Starts the Bot Framework stand-in for `app` and the bot with `env` (a function of the stand-in). */
  async function start(
    app: BotApp,
    env: (c: BotFrameworkChannel) => Record<string, string>,
  ): Promise<string> {
    channel = new BotFrameworkChannel({ tls: await ca.issueServerCertificate('bot-framework'), ...app });
    await channel.start();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-bot-credentials-'));
    const port = await freePort();
    bot = startProcess(
      process.execPath,
      ['--require', 'tsx/cjs', 'src/index.ts'],
      {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        MicrosoftAppId: app.appId,
        MicrosoftAppType: app.appType ?? 'SingleTenant',
        NODE_EXTRA_CA_CERTS: ca.caCertPath,
        ...env(channel),
      },
      projectRoot,
    );
    const url = `http://127.0.0.1:${port}`;
    await waitUntilUp(`${url}/readyz`, 30_000, bot);
    return url;
  }

  /** Says "help" with a channel-signed token; resolves with the Authorization header of the bot's reply. */
  async function replyAuthorization(botUrl: string): Promise<string | undefined> {
    const c = new TeamsChat({ botUrl, connector, person: people.agent, tenantId: SEED.tenantId });
    const res = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await channel?.channelToken(connector.url)}`,
      },
      body: JSON.stringify({ ...c.baseActivity(), type: 'message', text: 'help' }),
    });
    assert.equal(res.status, 200, await res.text());
    const reply = await connector.waitFor((a) => a.conversationId === c.conversationId, 15_000);
    return reply.authorization;
  }

  function granted() {
    return channel?.tokenRequests.filter((r) => r.granted) ?? [];
  }

  it('SingleTenant with a configured authority asks its own tenant (BOT_* aliases)', async () => {
    const url = await start(
      { appId: APP_ID, appPassword: APP_PASSWORD, appType: 'SingleTenant', homeTenantId: SEED.tenantId },
      (c) => ({
        MicrosoftAppPassword: APP_PASSWORD,
        MicrosoftAppTenantId: SEED.tenantId,
        BOT_OPENID_METADATA: c.openIdMetadataUrl,
        BOT_LOGIN_URL: c.loginUrl,
      }),
    );
    assert.equal(await replyAuthorization(url), `Bearer ${channel?.botTokens.at(-1)}`);
    assert.deepEqual(
      granted().map((r) => [r.tenant, r.clientId, r.scope]),
      [[SEED.tenantId, APP_ID, 'https://api.botframework.com/.default']],
    );
    assert.equal(
      channel?.tokenRequests.some((r) => r.tenant === 'botframework.com'),
      false,
      'never the multi-tenant authority',
    );
  });

  it("MultiTenant with a configured authority asks botframework.com (botbuilder's setting names)", async () => {
    const url = await start(
      { appId: APP_ID, appPassword: APP_PASSWORD, appType: 'MultiTenant', homeTenantId: SEED.tenantId },
      (c) => ({
        MicrosoftAppPassword: APP_PASSWORD,
        BotOpenIdMetadata: c.openIdMetadataUrl,
        ToChannelFromBotLoginUrl: c.loginUrl,
        ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
        ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      }),
    );
    assert.equal(await replyAuthorization(url), `Bearer ${channel?.botTokens.at(-1)}`);
    assert.deepEqual(
      granted().map((r) => r.tenant),
      ['botframework.com'],
    );
  });

  for (const authority of ['a configured', 'the public'] as const) {
    it(`UserAssignedMSI with ${authority} authority takes its token from the managed identity, never from the Microsoft 365 app's secret`, async () => {
      const url = await start(
        { appId: APP_ID, appType: 'UserAssignedMSI', homeTenantId: SEED.tenantId },
        (c) => ({
          MicrosoftAppTenantId: SEED.tenantId,
          BotOpenIdMetadata: c.openIdMetadataUrl,
          ...(authority === 'a configured' ? { ToChannelFromBotLoginUrl: c.loginUrl } : {}),
          // App Service's managed identity endpoint, and the Microsoft 365 app's variables beside it.
          IDENTITY_ENDPOINT: c.identityEndpoint,
          IDENTITY_HEADER: c.identityHeader,
          AZURE_TENANT_ID: SEED.tenantId,
          ...GRAPH_APP,
        }),
      );
      assert.equal(await replyAuthorization(url), `Bearer ${channel?.botTokens.at(-1)}`);
      assert.deepEqual(
        granted().map((r) => [r.grant, r.clientId, r.scope]),
        [['managed_identity', APP_ID, 'https://api.botframework.com']],
      );
    });
  }
});
