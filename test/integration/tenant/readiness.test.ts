// /readyz in live mode against the validating simulator, with the least privileged identity: User.Read.All
// for Graph, Exchange.ManageAsApp, no Entra role at all, and the Exchange role group of docs/setup.md. It
// answers 200 with that, and 503 (with the cause in the log) when the role group loses the cmdlet it probes.
import { strict as assert } from 'node:assert';
import { SEED } from '../../../src/tenant/index.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';
import { EXCHANGE_RESOURCE, GRAPH_RESOURCE } from '../../support/tokenAuthority.js';
import { type AuthorityHarness, startAuthorityHarness } from './authorityHarness.js';

const APP = 'a4b0a0ef-1d1e-4b59-9a0c-5d7d2f3c0b01';
const CMDLETS = ['Get-BlockedSenderAddress', 'Remove-BlockedSenderAddress', 'Get-Mailbox'];

describe('/readyz with the narrow Exchange role group', function () {
  this.timeout(30_000);
  let h: AuthorityHarness;
  let t: TestApp;

  before(async () => {
    h = await startAuthorityHarness();
    h.authority.register({
      clientId: APP,
      roles: { [GRAPH_RESOURCE]: ['User.Read.All'], [EXCHANGE_RESOURCE]: ['Exchange.ManageAsApp'] },
    });
    t = await startTestApp(
      {
        TENANT_MODE: 'live',
        AZURE_TENANT_ID: SEED.tenantId,
        AZURE_CLIENT_ID: APP,
        APPROVER_GROUP_ID: SEED.groups.approvers,
        HELPDESK_GROUP_ID: SEED.groups.helpdesk,
        GRAPH_BASE_URL: h.httpSim.graphBaseUrl,
        EXO_BASE_URL: h.httpSim.exoBaseUrl,
        WORKER: 'off',
      },
      { tenantCredential: h.authority.credentialFor(APP) },
    );
  });
  after(async () => {
    await t?.stop();
    await h?.dispose();
  });

  beforeEach(() => {
    h.httpSim.reset();
    const rbac = h.httpSim.exchangeRbac;
    const objectId = h.authority.servicePrincipalId(APP);
    for (const cmdlet of CMDLETS) {
      const parent = rbac.rolesWithCmdlet(cmdlet).find((r) => !r.name.startsWith('My'));
      assert.ok(parent);
      rbac.addRole({
        name: `UA ${cmdlet}`,
        cmdlets: [cmdlet],
        builtIn: false,
        parent: parent.name,
        description: '',
      });
    }
    rbac.addPrincipal({ appId: APP, objectId, displayName: 'Unblock assistant' });
    rbac.addGroup({
      name: 'Unblock assistant',
      roles: CMDLETS.map((c) => `UA ${c}`),
      members: [objectId],
      description: '',
    });
  });

  const readyz = async () => {
    const response = await fetch(`${t.url}/readyz`);
    return { status: response.status, body: (await response.json()) as { checks: Record<string, string> } };
  };

  it('is ready with nothing more than User.Read.All, Exchange.ManageAsApp and the role group', async () => {
    const { status, body } = await readyz();
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual(body.checks, { store: 'ok', tenant: 'ok' });
    const calls = h.httpSim.calls();
    assert.deepEqual(
      calls.filter((c) => c.api === 'exchange').map((c) => [c.cmdlet, c.status]),
      [['Get-BlockedSenderAddress', 200]],
    );
    assert.deepEqual(
      calls.filter((c) => c.api === 'graph').map((c) => [c.path, c.status]),
      [['/v1.0/users', 200]],
      'no GET /organization, which would need more than User.Read.All',
    );
  });

  it('is not ready, and says why in the log, when the role group loses Get-BlockedSenderAddress', async () => {
    const group = h.httpSim.exchangeRbac.group('Unblock assistant');
    assert.ok(group);
    group.roles = group.roles.filter((r) => r !== 'UA Get-BlockedSenderAddress');
    const { status, body } = await readyz();
    assert.equal(status, 503);
    assert.deepEqual(body.checks, { store: 'ok', tenant: 'unavailable' });
    const logged = t.logLines.filter((l) => l.includes('readiness check failed')).join('\n');
    assert.match(
      logged,
      /Get-BlockedSenderAddress failed: HTTP 400: The term 'Get-BlockedSenderAddress' is not recognized/,
    );
    assert.match(
      logged,
      /Exchange role group or the Exchange Administrator role allows Get-BlockedSenderAddress/,
    );
  });
});
