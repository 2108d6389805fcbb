// Exchange Online RBAC in the simulator: an app token with Exchange.ManageAsApp but no Entra role may run
// exactly the cmdlets of the role groups its service principal is a member of; the role group is built
// over InvokeCommand with the cmdlets docs/setup.md gives (Get-ManagementRole -Cmdlet, New-ManagementRole
// -Parent -EnabledCmdlets, New-RoleGroup, New-ServicePrincipal, Add-RoleGroupMember).
import { strict as assert } from 'node:assert';
import { ENTRA_ROLES, SEED } from '../../../src/tenant/index.js';
import { EXCHANGE_RESOURCE } from '../../support/tokenAuthority.js';
import { type AuthorityHarness, startAuthorityHarness } from './authorityHarness.js';

const ADMIN_APP = 'a4b0a0ef-1d1e-4b59-9a0c-5d7d2f3c0a01';
const BOT_APP = 'a4b0a0ef-1d1e-4b59-9a0c-5d7d2f3c0a02';

interface InvokeResult {
  status: number;
  rows: Array<Record<string, unknown>>;
  error: string;
}

describe('simulator Exchange role groups', function () {
  this.timeout(30_000);
  let h: AuthorityHarness;
  before(async () => {
    h = await startAuthorityHarness();
    h.authority.register({
      clientId: ADMIN_APP,
      roles: { [EXCHANGE_RESOURCE]: ['Exchange.ManageAsApp'] },
      wids: [ENTRA_ROLES.exchangeAdministrator.id],
    });
    h.authority.register({ clientId: BOT_APP, roles: { [EXCHANGE_RESOURCE]: ['Exchange.ManageAsApp'] } });
  });
  after(() => h.dispose());
  beforeEach(() => h.httpSim.reset());

  async function invoke(
    clientId: string,
    cmdlet: string,
    parameters: Record<string, unknown> = {},
  ): Promise<InvokeResult> {
    const response = await fetch(`${h.httpSim.exoBaseUrl}/${SEED.tenantId}/InvokeCommand`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await h.authority.mint(clientId, EXCHANGE_RESOURCE)}`,
      },
      body: JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } }),
    });
    const text = await response.text();
    const json = (text.startsWith('{') ? JSON.parse(text) : {}) as {
      value?: Array<Record<string, unknown>>;
      error?: { innererror?: { internalexception?: { message?: string } } };
    };
    return {
      status: response.status,
      rows: json.value ?? [],
      error: json.error?.innererror?.internalexception?.message ?? text.replaceAll('\u0000', '<NUL>'),
    };
  }

  /** The narrow role group, built the way docs/setup.md says, for BOT_APP's service principal. */
  async function buildRoleGroup(cmdlets: string[]): Promise<void> {
    for (const cmdlet of cmdlets) {
      const parents = await invoke(ADMIN_APP, 'Get-ManagementRole', { Cmdlet: cmdlet });
      const parent = parents.rows.find((r) => !String(r.Name).startsWith('My'));
      assert.ok(parent, `a role holds ${cmdlet}`);
      const created = await invoke(ADMIN_APP, 'New-ManagementRole', {
        Name: `Unblock assistant - ${cmdlet}`,
        Parent: parent.Name,
        EnabledCmdlets: [cmdlet],
      });
      assert.equal(created.status, 200, created.error);
    }
    const group = await invoke(ADMIN_APP, 'New-RoleGroup', {
      Name: 'Unblock assistant',
      Roles: cmdlets.map((c) => `Unblock assistant - ${c}`),
    });
    assert.equal(group.status, 200, group.error);
    const sp = await invoke(ADMIN_APP, 'New-ServicePrincipal', {
      AppId: BOT_APP,
      ObjectId: h.authority.servicePrincipalId(BOT_APP),
      DisplayName: 'Unblock assistant',
    });
    assert.equal(sp.status, 200, sp.error);
    const member = await invoke(ADMIN_APP, 'Add-RoleGroupMember', {
      Identity: 'Unblock assistant',
      Member: h.authority.servicePrincipalId(BOT_APP),
    });
    assert.equal(member.status, 200, member.error);
  }

  it('refuses every cmdlet with a 403 while the app has neither an Entra role nor a role group', async () => {
    for (const cmdlet of ['Get-BlockedSenderAddress', 'Get-Mailbox', 'Get-OrganizationConfig']) {
      const result = await invoke(BOT_APP, cmdlet);
      assert.equal(result.status, 403, cmdlet);
      assert.match(result.error, /^(<NUL>)+$/);
    }
  });

  it('lets Exchange Administrator (in wids) run any cmdlet', async () => {
    assert.equal((await invoke(ADMIN_APP, 'Get-OrganizationConfig')).status, 200);
    assert.equal((await invoke(ADMIN_APP, 'Get-BlockedSenderAddress')).rows.length, 5);
  });

  it('runs exactly the cmdlets of the narrow role group, and hides the others', async () => {
    await buildRoleGroup(['Get-BlockedSenderAddress', 'Remove-BlockedSenderAddress', 'Get-Mailbox']);
    assert.equal((await invoke(BOT_APP, 'Get-BlockedSenderAddress')).rows.length, 5);
    assert.equal((await invoke(BOT_APP, 'Get-Mailbox', { ResultSize: 1 })).rows.length, 1);
    const probe = await invoke(BOT_APP, 'Remove-BlockedSenderAddress', {
      SenderAddress: 'doctor-probe@unblock-assistant.invalid',
    });
    assert.equal(probe.status, 400);
    assert.match(probe.error, /couldn't be found/);
    for (const cmdlet of ['Get-OrganizationConfig', 'Get-InboxRule', 'New-RoleGroup']) {
      const hidden = await invoke(BOT_APP, cmdlet);
      assert.equal(hidden.status, 400, cmdlet);
      assert.match(hidden.error, new RegExp(`^The term '${cmdlet}' is not recognized`));
    }
  });

  it('copies only the enabled cmdlets from the parent role', async () => {
    await buildRoleGroup(['Get-BlockedSenderAddress']);
    const role = await invoke(ADMIN_APP, 'Get-ManagementRole', {
      Identity: 'Unblock assistant - Get-BlockedSenderAddress',
    });
    assert.equal(role.rows[0]?.IsRootRole, false);
    assert.equal((await invoke(BOT_APP, 'Get-BlockedSenderAddress')).status, 200);
    const remove = await invoke(BOT_APP, 'Remove-BlockedSenderAddress', { SenderAddress: 'rob@contoso.com' });
    assert.match(remove.error, /is not recognized/);
    assert.equal(h.httpSim.restrictedSenders().length, 5, 'nobody was unblocked');
  });

  it('answers the mistakes an administrator can make with Exchange errors', async () => {
    const noParent = await invoke(ADMIN_APP, 'New-ManagementRole', { Name: 'x', Parent: 'No such role' });
    assert.match(noParent.error, /couldn't be found/);
    const notInParent = await invoke(ADMIN_APP, 'New-ManagementRole', {
      Name: 'x',
      Parent: 'View-Only Recipients',
      EnabledCmdlets: ['Remove-BlockedSenderAddress'],
    });
    assert.match(notInParent.error, /isn't a role entry of the parent role 'View-Only Recipients'/);
    const unknownMember = await invoke(ADMIN_APP, 'New-RoleGroup', { Name: 'g', Members: ['nobody'] });
    assert.match(unknownMember.error, /'nobody' couldn't be found/);
    const badParameter = await invoke(ADMIN_APP, 'New-RoleGroup', { Name: 'g', Role: 'x' });
    assert.match(badParameter.error, /cannot be found that matches parameter name 'Role'/);
    await buildRoleGroup(['Get-Mailbox']);
    const again = await invoke(ADMIN_APP, 'New-RoleGroup', { Name: 'Unblock assistant' });
    assert.match(again.error, /already exists/);
  });

  it('takes the role away when the service principal leaves the group', async () => {
    await buildRoleGroup(['Get-BlockedSenderAddress']);
    const removed = await invoke(ADMIN_APP, 'Remove-RoleGroupMember', {
      Identity: 'Unblock assistant',
      Member: 'Unblock assistant',
    });
    assert.equal(removed.status, 200, removed.error);
    assert.equal((await invoke(BOT_APP, 'Get-BlockedSenderAddress')).status, 403);
  });
});
