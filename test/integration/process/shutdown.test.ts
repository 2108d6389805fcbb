// Stopping the app as a service manager does: SIGTERM ends it even when its stdout and stderr are pipes
// whose other end is gone (a log shipper that died, `npm start | head`), and a second signal or the
// shutdown deadline ends it when a turn in flight never finishes. The app runs as `npm start` runs it.
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SEED } from '../../../src/tenant/index.js';
import { FakeConnector } from '../../support/fakeConnector.js';
import { freePort, type StartedProcess, startCompiledApp, waitUntilUp } from '../../support/processes.js';
import { TeamsChat } from '../../support/teams.js';
import { people } from '../../support/testApp.js';

describe('stopping the app', function () {
  this.timeout(60_000);
  let dataDir: string;
  let app: StartedProcess | null = null;
  let blackhole: net.Server | null = null;
  let connector: FakeConnector | null = null;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-shutdown-'));
  });
  afterEach(async () => {
    app?.signal('SIGKILL');
    await app?.exited;
    app = null;
    blackhole?.close();
    blackhole = null;
    await connector?.stop();
    connector = null;
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string> = {}): Promise<{ url: string }> {
    const port = await freePort();
    app = startCompiledApp({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env });
    const url = `http://127.0.0.1:${port}`;
    await waitUntilUp(`${url}/healthz`, 30_000, app);
    return { url };
  }

  /**
   * A "tenant" that accepts connections and never answers: a turn that asks it waits for ever. Resolves
   * `asked` when the app's first call arrives.
   */
  async function startBlackhole(): Promise<{ url: string; asked: Promise<void> }> {
    let called: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => {
      called = resolve;
    });
    const server = net.createServer(() => called());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    blackhole = server;
    return { url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, asked };
  }

  /** Starts the app against the blackhole and a turn that hangs there; resolves once it does. */
  async function startWithTurnInFlight(): Promise<StartedProcess> {
    const tenant = await startBlackhole();
    const { url } = await start({ SIMULATOR_URL: tenant.url });
    connector = new FakeConnector();
    await connector.start();
    const chat = new TeamsChat({ botUrl: url, connector, person: people.agent, tenantId: SEED.tenantId });
    void chat.say('unblock rob@contoso.com').catch(() => undefined);
    await tenant.asked;
    return app as StartedProcess;
  }

  it('exits on SIGTERM after its stdout and stderr pipes have closed (EPIPE)', async () => {
    await start();
    const started = app as StartedProcess;
    started.child.stdout?.destroy();
    started.child.stderr?.destroy();
    started.child.kill('SIGTERM');
    // The stop logs as it goes; every one of those writes fails with EPIPE, and none may keep it alive.
    assert.equal(await started.exited, 0);
  });

  it('exits at once on a second signal while a turn in flight holds up the stop', async () => {
    const started = await startWithTurnInFlight();
    started.child.kill('SIGTERM');
    await waitForOutput(started, 'shutting down');
    started.child.kill('SIGTERM');
    assert.equal(await started.exited, 1, 'a forced stop exits with 1');
    assert.doesNotMatch(started.output(), /"msg":"stopped"/);
  });

  it('exits after the shutdown deadline when a turn in flight never finishes', async () => {
    const started = await startWithTurnInFlight();
    started.child.kill('SIGTERM');
    assert.equal(await started.exited, 1, 'a forced stop exits with 1');
    assert.match(started.output(), /shutting down/);
    assert.doesNotMatch(started.output(), /"msg":"stopped"/);
  });
});

async function waitForOutput(started: StartedProcess, text: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!started.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
