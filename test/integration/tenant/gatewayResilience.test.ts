import { strict as assert } from 'node:assert';
import { TenantError } from '../../../src/runbook/errors.js';
import {
  createLiveTenantGateway,
  SEED,
  StaticTokenCredential,
  TenantSimulator,
  type TokenValidator,
} from '../../../src/tenant/index.js';
import { type Harness, rejection, resetHarness, startHarness, TEST_TOKEN } from './harness.js';

describe('live gateway against the simulator: throttling, outages and auth', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.sim.stop());
  beforeEach(() => resetHarness(h));

  const statuses = () => h.sim.calls().map((c) => c.status);

  describe('Graph', () => {
    it('waits what Retry-After says on 429, then succeeds', async () => {
      h.sim.setFaults({ graph: { sequence: [429], retryAfterSeconds: 2 } });
      const users = await h.gateway.findUsers('rob');
      assert.equal(users.length, 3);
      assert.deepEqual(h.delays, [2000]);
      assert.deepEqual(statuses(), [429, 200]);
      assert.equal(h.sim.calls()[1]?.headers['retry-attempt'], '1');
    });

    it('backs off exponentially on 503 without Retry-After', async () => {
      h.sim.setFaults({ graph: { sequence: [503, 503], retryAfterSeconds: null } });
      assert.ok(await h.gateway.getUser(SEED.users.rob.id));
      assert.deepEqual(h.delays, [75, 150]);
      assert.deepEqual(statuses(), [503, 503, 200]);
    });

    it('gives up after maxRetries with a retryable Unavailable', async () => {
      h.sim.setFaults({ graph: { probability: 1, status: 503, retryAfterSeconds: 0 } });
      const error = await rejection(() => h.gateway.revokeSessions(SEED.users.rob.id));
      assert.ok(error instanceof TenantError);
      assert.equal(error.code, 'Unavailable');
      assert.equal(error.retryable, true);
      assert.equal(h.sim.calls().length, 4, 'first attempt + 3 retries');
    });

    it('does not wait a Retry-After longer than maxDelayMs: fails Throttled with the wait attached', async () => {
      h.sim.setFaults({ graph: { sequence: [429], retryAfterSeconds: 60 } });
      const error = await rejection(() => h.gateway.findUsers('rob'));
      assert.ok(error instanceof TenantError);
      assert.equal(error.code, 'Throttled');
      assert.equal(error.retryAfterMs, 60_000);
      assert.deepEqual(h.delays, []);
      assert.equal(h.sim.calls().length, 1);
    });
  });

  describe('Exchange', () => {
    it('waits what Retry-After says on 429, then succeeds', async () => {
      h.sim.setFaults({ exchange: { sequence: [429], retryAfterSeconds: 1 } });
      assert.equal((await h.gateway.listRestrictedSenders()).length, 5);
      assert.deepEqual(h.delays, [1000]);
      assert.deepEqual(statuses(), [429, 200]);
    });

    it('retries a 503 with a non-JSON body', async () => {
      h.sim.setFaults({ exchange: { sequence: [503] } });
      assert.ok(await h.gateway.findRestrictedSender(SEED.users.rob.upn));
      assert.deepEqual(h.delays, [75]);
      assert.deepEqual(statuses(), [503, 200]);
    });

    it('gives up on a persistent outage after the configured retries', async () => {
      h.sim.setFaults({ exchange: { probability: 1, status: 503 } });
      const gateway = h.makeGateway({ retry: { maxRetries: 2 } });
      const error = await rejection(() => gateway.unblockSender(SEED.users.rob.upn));
      assert.ok(error instanceof TenantError);
      assert.equal(error.code, 'Unavailable');
      assert.equal(error.retryable, true);
      assert.equal(error.status, 503);
      assert.equal(h.sim.calls().length, 3);
      assert.ok(
        await h.sim.restrictedSenders().some((s) => s.SenderAddress === SEED.users.rob.upn),
        'not unblocked',
      );
    });

    it('retries each page of a paged listing on its own', async () => {
      h.sim.updateSettings({ exoMaxPageSize: 2 });
      h.sim.setFaults({ exchange: { sequence: [null, 429, null, 503], retryAfterSeconds: 0 } });
      assert.equal((await h.gateway.listRestrictedSenders()).length, 5);
      assert.deepEqual(statuses(), [200, 429, 200, 503, 200]);
    });

    it('survives seeded random faults reproducibly', async () => {
      h.sim.setFaults({ exchange: { probability: 0.3, status: 503, retryAfterSeconds: 0 } });
      const gateway = h.makeGateway({ retry: { maxRetries: 6 } });
      for (let i = 0; i < 5; i++) assert.equal((await gateway.listRestrictedSenders()).length, 5);
      assert.ok(statuses().includes(503));
    });
  });

  it('really sleeps when no sleep is injected (Retry-After: 0)', async () => {
    h.sim.setFaults({ graph: { sequence: [429], retryAfterSeconds: 0 } });
    const gateway = createLiveTenantGateway({
      graphBaseUrl: h.sim.graphBaseUrl,
      exoBaseUrl: h.sim.exoBaseUrl,
      tenantId: SEED.tenantId,
      credential: new StaticTokenCredential(TEST_TOKEN),
    });
    assert.equal((await gateway.findUsers('rob')).length, 3);
    assert.deepEqual(statuses(), [429, 200]);
  });

  it('logs retries without tokens', async () => {
    h.sim.setFaults({ graph: { sequence: [429] }, exchange: { sequence: [429] } });
    await h.gateway.findUsers('rob');
    await h.gateway.listRestrictedSenders();
    const log = h.logLines.join('\n');
    assert.match(log, /"api":"graph"/);
    assert.match(log, /"api":"exchange"/);
    assert.ok(!log.includes(TEST_TOKEN));
  });

  describe('token validation seam', () => {
    let sim: TenantSimulator;
    const audiences: string[] = [];
    const validateToken: TokenValidator = (token, audience) => {
      audiences.push(audience);
      return token === 'good-token';
    };
    before(async () => {
      sim = new TenantSimulator({ validateToken });
      await sim.start();
    });
    after(() => sim.stop());

    const gateway = (token: string) =>
      createLiveTenantGateway({
        graphBaseUrl: sim.graphBaseUrl,
        exoBaseUrl: sim.exoBaseUrl,
        tenantId: SEED.tenantId,
        credential: new StaticTokenCredential(token),
        sleep: async () => undefined,
      });

    it('passes each API its audience and refuses a bad token with 401 → Unauthorized', async () => {
      await gateway('good-token').ping();
      assert.deepEqual([...new Set(audiences)].sort(), [
        'https://graph.microsoft.com',
        'https://outlook.office365.com',
      ]);
      const bad = gateway('bad-token');
      const graphError = await rejection(() => bad.findUsers('rob'));
      assert.equal((graphError as unknown as TenantError).code, 'Unauthorized');
      const exoError = await rejection(() => bad.listRestrictedSenders());
      assert.equal((exoError as unknown as TenantError).code, 'Unauthorized');
      assert.ok(!exoError.message.includes('bad-token') && !graphError.message.includes('bad-token'));
    });

    it('maps a credential that cannot get a token to Unauthorized without calling the API', async () => {
      const calls = sim.calls().length;
      const broken = createLiveTenantGateway({
        graphBaseUrl: sim.graphBaseUrl,
        exoBaseUrl: sim.exoBaseUrl,
        tenantId: SEED.tenantId,
        credential: { getToken: async () => null },
      });
      assert.equal(
        ((await rejection(() => broken.findUsers('rob'))) as unknown as TenantError).code,
        'Unauthorized',
      );
      assert.equal(
        ((await rejection(() => broken.listRestrictedSenders())) as unknown as TenantError).code,
        'Unauthorized',
      );
      assert.equal(sim.calls().length, calls);
    });
  });

  it('reports an unreachable service as retryable Unavailable', async () => {
    const closed = new TenantSimulator();
    await closed.start();
    const { graphBaseUrl, exoBaseUrl } = closed;
    await closed.stop();
    const gateway = createLiveTenantGateway({
      graphBaseUrl,
      exoBaseUrl,
      tenantId: SEED.tenantId,
      credential: new StaticTokenCredential(),
      retry: { maxRetries: 1 },
      sleep: async () => undefined,
    });
    for (const call of [() => gateway.findUsers('rob'), () => gateway.listRestrictedSenders()]) {
      const error = await rejection(call);
      assert.ok(error instanceof TenantError);
      assert.equal(error.code, 'Unavailable');
      assert.equal(error.retryable, true);
    }
  });
});
