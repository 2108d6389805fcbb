// Starts the whole app as index.ts would (config → createApp → listen on a free loopback port) with a temp
// data directory and a fake connector, for integration tests.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { type App, type AppOptions, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { SEED } from '../../src/tenant/index.js';
import { FakeConnector } from './fakeConnector.js';
import { TeamsChat, type TeamsPerson } from './teams.js';

export interface TestApp {
  app: App;
  url: string;
  connector: FakeConnector;
  dataDir: string;
  logLines: string[];
  chat(
    person?: TeamsPerson,
    options?: {
      locale?: string;
      conversationId?: string;
      channel?: { channelId: string; threadRoot: string; teamId?: string };
    },
  ): TeamsChat;
  stop(): Promise<void>;
}

export const people = {
  agent: { id: '29:agent', aadObjectId: SEED.users.agent.id, name: 'Megan Bowen' },
  agent2: { id: '29:agent2', aadObjectId: SEED.users.agent2.id, name: 'Isaiah Langer' },
  approver: { id: '29:approver', aadObjectId: SEED.users.approver.id, name: 'Patti Fernandez' },
  nonApprover: { id: '29:alex', aadObjectId: SEED.users.nonApprover.id, name: 'Alex Wilber' },
} satisfies Record<string, TeamsPerson>;

export async function startTestApp(
  env: Record<string, string> = {},
  options: Partial<AppOptions> & { dataDir?: string } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'unblock-test-')));
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    SIMULATOR_RELEASE_DELAY_S: '1',
    LOG_LEVEL: 'debug',
    ...env,
  });
  const logLines: string[] = [];
  const logger: Logger = pino(
    { level: config.logLevel },
    { write: (line: string) => void logLines.push(line) },
  );
  const connector = new FakeConnector();
  await connector.start();
  const app = await createApp(config, { logger, ...options });
  const { url } = await app.http.listen(0, '127.0.0.1');
  return {
    app,
    url,
    connector,
    dataDir,
    logLines,
    chat(person = people.agent, chatOptions = {}) {
      return new TeamsChat({ botUrl: url, connector, person, tenantId: SEED.tenantId, ...chatOptions });
    },
    async stop() {
      await app.stop();
      await connector.stop();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
