import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { TenantError } from '../../../src/runbook/errors.js';
import { DEFAULT_RETRY, SEED, TenantSimulator } from '../../../src/tenant/index.js';
import { ExchangeClient } from '../../../src/tenant/live/exchangeClient.js';
import { GraphApi } from '../../../src/tenant/live/graphClient.js';

const common = {
  getToken: async () => 'token',
  retry: DEFAULT_RETRY,
  sleep: async () => undefined,
  random: () => 0.5,
  logger: pino({ enabled: false }),
};

describe('live Graph and Exchange clients', () => {
  let sim: TenantSimulator;
  let redirector: Server;
  let redirectorUrl: string;
  before(async () => {
    sim = new TenantSimulator();
    await sim.start();
    // A regional front door that sends every InvokeCommand elsewhere with 307 (m365-contracts.md §2.5).
    redirector = createServer((req, res) => {
      res.writeHead(307, { location: `${sim.baseUrl}${req.url ?? '/'}` });
      res.end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    redirectorUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
  });
  after(async () => {
    redirector.closeAllConnections();
    await new Promise((resolve) => redirector.close(resolve));
    await sim.stop();
  });
  beforeEach(() => sim.reset());

  it('follows Graph @odata.nextLink across pages of a plain-http base URL, with the token on each', async () => {
    const graph = new GraphApi({ ...common, graphBaseUrl: sim.graphBaseUrl });
    const users = await graph.getAll<{ id: string }>('/users', { $top: '5' });
    assert.equal(users.length, 13);
    assert.deepEqual(
      sim.calls().map((c) => c.status),
      [200, 200, 200],
    );
  });

  it('re-POSTs a redirected Exchange call to the new location with the token', async () => {
    const exchange = new ExchangeClient({
      ...common,
      exoBaseUrl: `${redirectorUrl}/adminapi/beta`,
      tenantId: SEED.tenantId,
    });
    const rows = await exchange.invoke('Get-OrganizationConfig', {}, ['Name']);
    assert.deepEqual(rows, [{ Name: SEED.tenantDomain }]);
    assert.deepEqual(
      sim.calls().map((c) => [c.method, c.cmdlet, c.status]),
      [['POST', 'Get-OrganizationConfig', 200]],
    );
  });

  it('pages on after a redirect', async () => {
    sim.updateSettings({ exoMaxPageSize: 2 });
    const exchange = new ExchangeClient({
      ...common,
      exoBaseUrl: `${redirectorUrl}/adminapi/beta`,
      tenantId: SEED.tenantId,
    });
    assert.equal((await exchange.invoke('Get-BlockedSenderAddress')).length, 5);
  });

  it('refuses to send the token to a nextLink on a foreign host', async () => {
    const rogue = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          value: [{ Name: 'x' }],
          '@odata.nextLink': 'http://attacker.example/adminapi/beta/x',
        }),
      );
    });
    await new Promise<void>((resolve) => rogue.listen(0, '127.0.0.1', resolve));
    try {
      const port = (rogue.address() as AddressInfo).port;
      const exchange = new ExchangeClient({
        ...common,
        exoBaseUrl: `http://127.0.0.1:${port}/adminapi/beta`,
        tenantId: SEED.tenantId,
      });
      await assert.rejects(
        () => exchange.invoke('Get-OrganizationConfig'),
        (e: unknown) =>
          e instanceof TenantError &&
          /refusing a @odata.nextLink to http:\/\/attacker.example/.test(e.message),
      );
    } finally {
      rogue.closeAllConnections();
      await new Promise((resolve) => rogue.close(resolve));
    }
  });
});
