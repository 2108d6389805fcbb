// `npm start` in live mode decides who may start a request before it does anything else: without
// HELPDESK_GROUP_ID it refuses to start, naming the variable and the opt-out; with
// ALLOW_ANY_USER_TO_START=true it starts, and says in its log that anyone may reset passwords.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, type StartedProcess, startProcess, waitUntilUp } from '../support/processes.js';

const projectRoot = path.resolve(__dirname, '../..');

describe('npm start in live mode', function () {
  this.timeout(60_000);
  let dataDir: string;
  let started: StartedProcess | null = null;

  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-live-start-'));
  });
  afterEach(async () => {
    started?.signal('SIGKILL');
    await started?.exited;
    started = null;
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  const live = (extra: Record<string, string>) => ({
    TENANT_MODE: 'live',
    AZURE_TENANT_ID: '77ba9c8f-8432-4421-935c-e5c7e1fccbcf',
    AZURE_CLIENT_ID: '33333333-3333-4333-8333-333333333333',
    APPROVER_GROUP_ID: 'b9dbc3cb-35c5-4306-bbd9-628babd3bf6c',
    HELPDESK_GROUP_ID: '',
    ALLOW_ANY_USER_TO_START: '',
    // Nothing here reaches Microsoft 365: the app only contacts it when a request or /readyz asks.
    GRAPH_BASE_URL: 'http://127.0.0.1:9/v1.0',
    EXO_BASE_URL: 'http://127.0.0.1:9/adminapi/beta',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...extra,
  });

  it('refuses to start without HELPDESK_GROUP_ID, naming it and the opt-out', async () => {
    started = startProcess('npm', ['start'], { PORT: String(await freePort()), ...live({}) }, projectRoot);
    const code = await started.exited;
    assert.equal(code, 2, started.output());
    assert.match(started.output(), /unblock-assistant cannot start\./);
    assert.match(
      started.output(),
      /- HELPDESK_GROUP_ID is required when TENANT_MODE=live: .*set ALLOW_ANY_USER_TO_START=true instead/,
    );
  });

  it('starts with ALLOW_ANY_USER_TO_START=true, and warns that anyone may start a request', async () => {
    const port = await freePort();
    started = startProcess(
      'npm',
      ['start'],
      { PORT: String(port), ...live({ ALLOW_ANY_USER_TO_START: 'true' }) },
      projectRoot,
    );
    await waitUntilUp(`http://127.0.0.1:${port}/healthz`, 30_000, started);
    assert.match(
      started.output(),
      /"level":40,.*ALLOW_ANY_USER_TO_START=true and no HELPDESK_GROUP_ID: anyone in the tenant may start a request/,
    );
    assert.match(started.output(), /tenant: {2}live 77ba9c8f/);
  });
});
