// The Exchange Online RBAC cmdlets an administrator runs to give the bot's service principal a narrow role
// group (docs/setup.md): Get-ManagementRole -Cmdlet finds the roles holding a cmdlet
// (find-exchange-cmdlet-permissions.md), New-ManagementRole -Parent -EnabledCmdlets copies only the named
// cmdlets, New-RoleGroup, New-ServicePrincipal and Add-RoleGroupMember (app-only-auth-powershell-v2.md,
// "Option 2"). Parameter names follow the cmdlets' reference pages; rows carry the properties a script reads.
import type { CmdletResult, CmdletSpec } from './cmdlets.js';
import type { ExchangeRbac, ManagementRole } from './exchangeRbac.js';
import type { ExoFailure } from './http.js';

const NOT_FOUND_TYPE = 'Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException';
const EXISTS_TYPE = 'Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException';
const ARGUMENT_TYPE = 'Microsoft.Exchange.Configuration.Tasks.TaskArgumentException';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const fail = (type: string, message: string): { failure: ExoFailure } => ({
  failure: { errorId: 'Ex9E8D7C', type, message },
});
const notFound = (what: string) =>
  fail(NOT_FOUND_TYPE, `The operation couldn't be performed because object '${what}' couldn't be found.`);
const exists = (what: string) => fail(EXISTS_TYPE, `The object '${what}' already exists.`);

/** A PowerShell string-array parameter as JSON: an array, or one comma-separated string. */
function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return items.map((v) => String(v).trim()).filter(Boolean);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function roleRow(role: ManagementRole): Record<string, unknown> {
  return {
    Name: role.name,
    Identity: role.name,
    IsRootRole: role.builtIn,
    IsEndUserRole: role.name.startsWith('My'),
    Parent: role.parent,
    Description: role.description,
  };
}

type Run = (params: Record<string, unknown>, rbac: ExchangeRbac) => CmdletResult;

function spec(parameters: CmdletSpec['parameters'], run: Run): CmdletSpec {
  return { parameters, run: (params, state) => run(params, state.exchangeRbac) };
}

export const RBAC_CMDLETS: Record<string, CmdletSpec> = {
  'Get-ManagementRole': spec({ Identity: {}, Cmdlet: {} }, (p, rbac) => {
    const identity = text(p.Identity);
    if (identity) {
      const role = rbac.role(identity);
      return role ? { rows: [roleRow(role)] } : notFound(identity);
    }
    const cmdlet = text(p.Cmdlet);
    return { rows: (cmdlet ? rbac.rolesWithCmdlet(cmdlet) : rbac.allRoles()).map(roleRow) };
  }),

  'New-ManagementRole': spec(
    { Name: { mandatory: true }, Parent: { mandatory: true }, EnabledCmdlets: {}, Description: {} },
    (p, rbac) => {
      const name = text(p.Name);
      const parent = rbac.role(text(p.Parent));
      if (!parent) return notFound(text(p.Parent));
      if (rbac.role(name)) return exists(name);
      const enabled = list(p.EnabledCmdlets);
      const missing = enabled.filter(
        (c) => !parent.cmdlets.some((pc) => pc.toLowerCase() === c.toLowerCase()),
      );
      if (missing.length > 0)
        return fail(
          ARGUMENT_TYPE,
          `The cmdlet '${missing[0]}' isn't a role entry of the parent role '${parent.name}'.`,
        );
      const cmdlets =
        enabled.length > 0
          ? parent.cmdlets.filter((c) => enabled.some((e) => e.toLowerCase() === c.toLowerCase()))
          : [...parent.cmdlets];
      const role: ManagementRole = {
        name,
        cmdlets,
        builtIn: false,
        parent: parent.name,
        description: text(p.Description),
      };
      rbac.addRole(role);
      return { rows: [roleRow(role)] };
    },
  ),

  'Get-RoleGroup': spec({ Identity: {} }, (p, rbac) => {
    const identity = text(p.Identity);
    const groups = identity ? [rbac.group(identity)].filter((g) => g !== undefined) : rbac.allGroups();
    if (identity && groups.length === 0) return notFound(identity);
    return {
      rows: groups.map((g) => ({
        Name: g.name,
        Roles: [...g.roles],
        Members: [...g.members],
        Description: g.description,
      })),
    };
  }),

  'New-RoleGroup': spec({ Name: { mandatory: true }, Roles: {}, Members: {}, Description: {} }, (p, rbac) => {
    const name = text(p.Name);
    if (rbac.group(name)) return exists(name);
    const roles = list(p.Roles);
    const unknownRole = roles.find((r) => !rbac.role(r));
    if (unknownRole) return notFound(unknownRole);
    const members: string[] = [];
    for (const member of list(p.Members)) {
      const principal = rbac.principal(member);
      if (!principal) return notFound(member);
      members.push(principal.objectId);
    }
    const canonical = roles.map((r) => rbac.role(r)?.name ?? r);
    rbac.addGroup({ name, roles: canonical, members, description: text(p.Description) });
    return { rows: [{ Name: name, Roles: canonical, Members: members }] };
  }),

  // Adds a role to a role group (Exchange's "add a role to a role group" procedure).
  'New-ManagementRoleAssignment': spec(
    { Name: {}, Role: { mandatory: true }, SecurityGroup: { mandatory: true } },
    (p, rbac) => {
      const group = rbac.group(text(p.SecurityGroup));
      if (!group) return notFound(text(p.SecurityGroup));
      const role = rbac.role(text(p.Role));
      if (!role) return notFound(text(p.Role));
      if (!group.roles.includes(role.name)) group.roles.push(role.name);
      return {
        rows: [
          { Name: text(p.Name) || `${role.name}-${group.name}`, Role: role.name, RoleAssignee: group.name },
        ],
      };
    },
  ),

  'Add-RoleGroupMember': spec({ Identity: { mandatory: true }, Member: { mandatory: true } }, (p, rbac) => {
    const group = rbac.group(text(p.Identity));
    if (!group) return notFound(text(p.Identity));
    const principal = rbac.principal(text(p.Member));
    if (!principal) return notFound(text(p.Member));
    if (!group.members.includes(principal.objectId)) group.members.push(principal.objectId);
    return { rows: [] };
  }),

  'Remove-RoleGroupMember': spec(
    { Identity: { mandatory: true }, Member: { mandatory: true }, Confirm: {} },
    (p, rbac) => {
      const group = rbac.group(text(p.Identity));
      if (!group) return notFound(text(p.Identity));
      const principal = rbac.principal(text(p.Member));
      if (!principal || !group.members.includes(principal.objectId)) return notFound(text(p.Member));
      group.members = group.members.filter((m) => m !== principal.objectId);
      return { rows: [] };
    },
  ),

  'Remove-RoleGroup': spec({ Identity: { mandatory: true }, Confirm: {} }, (p, rbac) => {
    const group = rbac.group(text(p.Identity));
    if (!group) return notFound(text(p.Identity));
    rbac.removeGroup(group.name);
    return { rows: [] };
  }),

  'Remove-ManagementRole': spec({ Identity: { mandatory: true }, Confirm: {} }, (p, rbac) => {
    const role = rbac.role(text(p.Identity));
    if (!role) return notFound(text(p.Identity));
    if (role.builtIn) return fail(ARGUMENT_TYPE, `The built-in role '${role.name}' can't be removed.`);
    if (rbac.allGroups().some((g) => g.roles.includes(role.name)))
      return fail(ARGUMENT_TYPE, `The role '${role.name}' is still assigned to a role group.`);
    rbac.removeRole(role.name);
    return { rows: [] };
  }),

  'Remove-ServicePrincipal': spec({ Identity: { mandatory: true }, Confirm: {} }, (p, rbac) => {
    const principal = rbac.principal(text(p.Identity));
    if (!principal) return notFound(text(p.Identity));
    rbac.removePrincipal(principal.objectId);
    return { rows: [] };
  }),

  'New-ServicePrincipal': spec(
    { AppId: { mandatory: true }, ObjectId: { mandatory: true }, DisplayName: {} },
    (p, rbac) => {
      const appId = text(p.AppId).toLowerCase();
      const objectId = text(p.ObjectId).toLowerCase();
      if (!GUID.test(appId) || !GUID.test(objectId))
        return fail(
          ARGUMENT_TYPE,
          'AppId and ObjectId must be the GUIDs of the Entra application and its service principal.',
        );
      if (rbac.principal(objectId) || rbac.principal(appId)) return exists(objectId);
      const principal = { appId, objectId, displayName: text(p.DisplayName) || appId };
      rbac.addPrincipal(principal);
      return {
        rows: [{ AppId: appId, ObjectId: objectId, DisplayName: principal.displayName, Identity: objectId }],
      };
    },
  ),

  'Get-ServicePrincipal': spec({ Identity: {} }, (p, rbac) => {
    const identity = text(p.Identity);
    const found = identity
      ? [rbac.principal(identity)].filter((sp) => sp !== undefined)
      : rbac.allPrincipals();
    if (identity && found.length === 0) return notFound(identity);
    return {
      rows: found.map((sp) => ({
        AppId: sp.appId,
        ObjectId: sp.objectId,
        DisplayName: sp.displayName,
        Identity: sp.objectId,
      })),
    };
  }),
};
