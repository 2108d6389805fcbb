// Exactly once across processes: two `npm run worker` processes poll the same simulated tenant and share
// one store (a SQLite file, or Azure Storage on Azurite as several instances do); a user who becomes
// restricted gets exactly one request and one helpdesk card.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SEED, TenantSimulator } from '../../../src/tenant/index.js';
import { type Azurite, startAzurite, uniquePrefix } from '../../support/azurite.js';
import { type StartedProcess, startProcess } from '../../support/processes.js';
import { cardsIn, cardText } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';
import { until } from '../../support/until.js';

const projectRoot = path.resolve(__dirname, '../../..');

for (const kind of ['sqlite', 'azure'] as const) {
  describe(`detection with two worker processes (${kind})`, function () {
    this.timeout(120_000);
    let dataDir: string;
    let azurite: Azurite | undefined;
    let storeEnv: Record<string, string>;
    let simulator: TenantSimulator;
    let bot: TestApp;
    const workers: StartedProcess[] = [];

    before(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-detect-'));
      if (kind === 'azure') azurite = await startAzurite();
      storeEnv = azurite
        ? {
            STORE: 'azure',
            AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
            AZURE_STORAGE_PREFIX: uniquePrefix(),
          }
        : { DATA_DIR: dataDir };
      simulator = new TenantSimulator();
      await simulator.start();
      bot = await startTestApp({ ...storeEnv, SIMULATOR_URL: simulator.baseUrl, WORKER: 'off' }, { dataDir });
    });
    after(async () => {
      for (const worker of workers) {
        worker.signal('SIGTERM');
        await worker.exited;
      }
      await bot?.stop();
      await simulator?.stop();
      await azurite?.stop();
      await rm(dataDir, { recursive: true, force: true });
    });

    it('posts exactly one helpdesk card for a newly restricted user while both poll', async () => {
      const channel = bot.chat(people.agent, {
        conversationId: '19:helpdesk@thread.tacv2',
        conversationType: 'channel',
      });
      await channel.say('set helpdesk channel');
      const env = {
        ...storeEnv,
        SIMULATOR_URL: simulator.baseUrl,
        DETECTION: 'on',
        DETECTION_POLL_INTERVAL_S: '0.3',
        RESUME_POLL_INTERVAL_S: '0.3',
        WORKER_POLL_INTERVAL_MS: '20',
        LOG_LEVEL: 'warn',
      };
      workers.push(startProcess('npm', ['run', 'worker'], env, projectRoot));
      workers.push(startProcess('npm', ['run', 'worker'], env, projectRoot));
      const cardsFor = (name: string) =>
        bot.connector.activities.filter(
          (a) =>
            a.method === 'POST' &&
            a.conversationId === channel.conversationId &&
            cardsIn(a.activity).some(
              (c) =>
                /was restricted from sending email/.test(cardText(c)) && cardText(c).includes(`${name} (`),
            ),
        );
      // The accounts already on the list when detection first runs.
      await until('the cases of the seeded restrictions', () => cardsFor('Rob Young').length > 0, 60_000);

      simulator.restrict('roberta@contoso.com');
      await until("roberta's card", () => cardsFor('Roberta Diaz').length > 0, 30_000);
      // Both workers keep polling for a while (several list calls each) before the count is final.
      const listCalls = () =>
        simulator
          .calls()
          .filter((c) => c.cmdlet === 'Get-BlockedSenderAddress' && c.parameters?.SenderAddress === undefined)
          .length;
      const seen = listCalls();
      await until('more detection cycles', () => listCalls() >= seen + 8, 30_000);

      assert.equal(cardsFor('Roberta Diaz').length, 1, 'exactly one helpdesk card for roberta');
      for (const name of ['Rob Young', 'Adele Vance', 'Diego Siciliani'])
        assert.equal(cardsFor(name).length, 1, name);
      const requests = await bot.app.store.requests.listForTarget(SEED.users.roberta.id);
      assert.equal(requests.length, 1, 'exactly one request for roberta');
      assert.equal(requests[0]?.state, 'open');
    });
  });
}
