// The app with a MicrosoftAppId, as Teams reaches it: its own process (Node reads the test CA only at
// start), a local Bot Framework channel that signs the tokens it checks and gives it its own, a fake
// connector for its replies, and a tenant simulator in this process (SIMULATOR_URL) whose call log tests
// can read. Everything the local mode relaxes applies here: authentication, the tenant boundary.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { SEED, TenantSimulator } from '../../src/tenant/index.js';
import { BotFrameworkChannel } from './botFrameworkChannel.js';
import { FakeConnector } from './fakeConnector.js';
import { freePort, type StartedProcess, startProcess, waitUntilUp } from './processes.js';
import { TeamsChat, type TeamsPerson } from './teams.js';
import { people } from './testApp.js';
import { createTestCa, type TestCa } from './testCa.js';

const projectRoot = path.resolve(__dirname, '..', '..');
export const APP_ID = '7a4f3c2e-1b5d-4e6f-8a9b-0c1d2e3f4a5b';

export interface AuthenticatedBot {
  url: string;
  channel: BotFrameworkChannel;
  connector: FakeConnector;
  simulator: TenantSimulator;
  /** The bot's SQLite store, readable while it runs (WAL). */
  store: Store;
  /** The secret its card buttons are signed with (signedCards.ts). */
  cardSigningSecret: string;
  process: StartedProcess;
  /** A chat whose every post carries a token the channel signed. */
  chat(person?: TeamsPerson, options?: { tenantId?: string; locale?: string }): TeamsChat;
  stop(): Promise<void>;
}

export async function startAuthenticatedBot(env: Record<string, string> = {}): Promise<AuthenticatedBot> {
  const appPassword = `test-bot-secret-${randomUUID()}`;
  const cardSigningSecret = `test-card-secret-${randomUUID()}`;
  const ca: TestCa = await createTestCa();
  const channel = new BotFrameworkChannel({
    tls: await ca.issueServerCertificate('bot-framework'),
    appId: APP_ID,
    appPassword,
    appType: 'SingleTenant',
    homeTenantId: SEED.tenantId,
  });
  await channel.start();
  const connector = new FakeConnector();
  await connector.start();
  const simulator = new TenantSimulator({ releaseDelayMs: 1000 });
  await simulator.start();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-authenticated-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const bot = startProcess(
    process.execPath,
    ['--require', 'tsx/cjs', 'src/index.ts'],
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      SIMULATOR_URL: simulator.baseUrl,
      CARD_SIGNING_SECRET: cardSigningSecret,
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: appPassword,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: SEED.tenantId,
      BOT_OPENID_METADATA: channel.openIdMetadataUrl,
      BOT_LOGIN_URL: channel.loginUrl,
      NODE_EXTRA_CA_CERTS: ca.caCertPath,
      ...env,
    },
    projectRoot,
  );
  const stopAll = async () => {
    bot.signal('SIGKILL');
    await bot.exited;
    await connector.stop();
    await channel.stop();
    await simulator.stop();
    await ca.dispose();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(`${url}/readyz`, 30_000, bot);
  } catch (error) {
    await stopAll();
    throw error;
  }
  const store = openSqliteStore({ dataDir });
  return {
    url,
    channel,
    connector,
    simulator,
    store,
    cardSigningSecret,
    process: bot,
    chat(person = people.agent, options = {}) {
      return new TeamsChat({
        botUrl: url,
        connector,
        person,
        tenantId: options.tenantId ?? SEED.tenantId,
        locale: options.locale,
        authorization: async () => `Bearer ${await channel.channelToken(connector.url)}`,
      });
    },
    async stop() {
      await store.close();
      await stopAll();
    },
  };
}
