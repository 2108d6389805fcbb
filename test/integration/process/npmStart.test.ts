// `npm start` on a fresh checkout, then a scripted Bot Framework channel completes the runbook for rob;
// the result is read back from the SQLite file after a graceful SIGTERM.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../../src/store/index.js';
import { SEED } from '../../../src/tenant/index.js';
import { FakeConnector } from '../../support/fakeConnector.js';
import { freePort, type StartedProcess, startProcess, waitUntilUp } from '../../support/processes.js';
import { cardText, TeamsChat } from '../../support/teams.js';
import { people } from '../../support/testApp.js';

const projectRoot = path.resolve(__dirname, '../../..');

describe('npm start', function () {
  this.timeout(60_000);
  let dataDir: string;
  let connector: FakeConnector;
  let started: StartedProcess | null = null;

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-npm-start-'));
    connector = new FakeConnector();
    await connector.start();
  });
  after(async () => {
    started?.signal('SIGKILL');
    await connector.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs the bot with the simulated tenant and SQLite, completes the runbook, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    started = startProcess(
      'npm',
      ['start'],
      { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' },
      projectRoot,
    );
    const url = `http://127.0.0.1:${port}`;
    await waitUntilUp(`${url}/readyz`, 30_000, started);
    assert.match(started.output(), new RegExp(`listening on ${url}/api/messages`));
    assert.match(started.output(), /npm run playground/);

    const chat = new TeamsChat({ botUrl: url, connector, person: people.agent, tenantId: SEED.tenantId });
    await chat.say('unblock rob@contoso.com');
    const reset = await chat.click('No, reset it now');
    assert.match(cardText(reset.card), /Temporary password/);
    await chat.click('I have noted it: continue');
    await chat.click('Continue');
    await chat.click('Continue');
    const confirm = await chat.click('Unblock');
    const done = await chat.click('Yes', {}, confirm.card);
    assert.match(cardText(done.card), /Unblock requested/);

    // SIGTERM reaches npm and the app together (one process group), as a service manager sends it; npm
    // itself then ends by the signal, so the app's own log says whether it stopped cleanly.
    started.signal('SIGTERM');
    await started.exited;
    assert.match(started.output(), /shutting down: finishing turns in flight/);
    assert.match(started.output(), /"msg":"stopped"/);

    const store = openSqliteStore({ dataDir });
    try {
      const [request] = await store.requests.listByState('pending_approval');
      assert.ok(request, 'the request is in SQLite');
      assert.equal(request.target.userPrincipalName, 'rob@contoso.com');
      assert.equal(request.password, 'reset-by-bot');
      const audit = await store.audit.listForRequest(request.id);
      const submitted = audit.filter(
        (e) => e.action === 'request.transition' && e.toState === 'pending_approval',
      );
      assert.equal(submitted.length, 1);
      assert.equal(audit[0]?.action, 'request.created');
    } finally {
      await store.close();
    }
  });
});
