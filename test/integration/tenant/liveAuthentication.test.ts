// The real client-credentials flow end to end: @azure/identity (createLiveCredential, authorityHost → the
// local token authority, instance discovery off) gets tokens over HTTPS, and the live gateway calls the
// HTTPS simulator, which validates them (signature, iss, aud, tid, lifetime, roles). It runs in a child
// process started with NODE_EXTRA_CA_CERTS=<test CA>, because Node reads that only at start.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { SEED } from '../../../src/tenant/index.js';
import { EXCHANGE_RESOURCE, GRAPH_RESOURCE } from '../../support/tokenAuthority.js';
import {
  APPS,
  type AuthorityHarness,
  CLIENT_SECRET,
  liveEnvironment,
  runChild,
  startAuthorityHarness,
  TSX,
} from './authorityHarness.js';

const CHILD = path.join(__dirname, 'liveFlowChild.ts');

interface ChildOutcome {
  ok: boolean;
  users?: string[];
  restricted?: string[];
  error?: { name: string; code: string; message: string };
}

describe('live gateway with a real client-credentials flow (child process, HTTPS)', function () {
  this.timeout(60_000);
  let h: AuthorityHarness;
  before(async () => {
    h = await startAuthorityHarness();
  });
  after(() => h.dispose());
  beforeEach(() => {
    h.authority.clearLog();
    h.httpsSim.reset();
  });

  async function runFlow(env: Record<string, string>): Promise<{ outcome: ChildOutcome; output: string }> {
    const { code, output } = await runChild(TSX, [CHILD], env);
    const line = output.split('\n').find((l) => l.startsWith('{'));
    assert.ok(line, `the child printed no JSON (exit ${code}):\n${output}`);
    assert.equal(code, 0, output);
    return { outcome: JSON.parse(line) as ChildOutcome, output };
  }

  function assertOneTokenPerResource(clientId: string, grant: string): void {
    const issued = h.authority.issued().filter((t) => t.clientId === clientId);
    assert.deepEqual(issued.map((t) => t.audience).sort(), [GRAPH_RESOURCE, EXCHANGE_RESOURCE].sort());
    assert.ok(issued.every((t) => t.grant === grant));
    assert.deepEqual(issued.find((t) => t.audience === EXCHANGE_RESOURCE)?.roles, ['Exchange.ManageAsApp']);
  }

  it('with a client secret: one token per resource, and Graph and Exchange both answer', async () => {
    const { outcome } = await runFlow({
      ...liveEnvironment(h, APPS.secret),
      AZURE_CLIENT_SECRET: CLIENT_SECRET,
    });
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.equal(outcome.users?.[0], SEED.users.rob.upn);
    assert.ok(outcome.restricted?.includes(SEED.users.rob.upn));
    assertOneTokenPerResource(APPS.secret, 'client_secret');
    const calls = h.httpsSim.calls();
    assert.ok(calls.some((c) => c.api === 'graph') && calls.some((c) => c.api === 'exchange'));
    assert.ok(calls.every((c) => c.status === 200));
  });

  it('with a client certificate (PEM with key and certificate): a signed assertion per resource', async () => {
    const { outcome } = await runFlow({
      ...liveEnvironment(h, APPS.certificate),
      AZURE_CLIENT_CERTIFICATE_PATH: h.clientCertificate.pemPath,
    });
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.ok(outcome.restricted?.includes(SEED.users.rob.upn));
    assertOneTokenPerResource(APPS.certificate, 'client_assertion');
  });

  it('with a wrong secret: Unauthorized naming what to fix, never the secret, and no API call', async () => {
    const wrong = 'wrong-secret~not.the.value_42';
    const { outcome, output } = await runFlow({
      ...liveEnvironment(h, APPS.secret),
      AZURE_CLIENT_SECRET: wrong,
    });
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.code, 'Unauthorized');
    assert.match(outcome.error?.message ?? '', /AADSTS7000215/);
    assert.match(outcome.error?.message ?? '', /AZURE_CLIENT_SECRET/);
    assert.ok(!output.includes(wrong) && !output.includes(CLIENT_SECRET));
    assert.deepEqual(h.authority.issued(), []);
    assert.deepEqual(h.httpsSim.calls(), []);
  });

  it('with a certificate the app registration does not hold: Unauthorized naming the certificate', async () => {
    const stranger = await h.ca.issueClientCertificate('not-registered');
    const { outcome } = await runFlow({
      ...liveEnvironment(h, APPS.certificate),
      AZURE_CLIENT_CERTIFICATE_PATH: stranger.pemPath,
    });
    assert.equal(outcome.error?.code, 'Unauthorized');
    assert.match(outcome.error?.message ?? '', /AADSTS700027.*AZURE_CLIENT_CERTIFICATE_PATH/);
    assert.ok(!(outcome.error?.message ?? '').includes('PRIVATE KEY'));
  });
});
