// Exchange Online role-based access control for app-only callers, as Microsoft documents it
// (office-docs-powershell, app-only-auth-powershell-v2.md, "Step 5: Assign role permissions"): the token
// must carry the Exchange.ManageAsApp app role, and then either an Entra role that gives every cmdlet
// (Exchange Administrator or Global Administrator, listed in the token's `wids`), or a role group that the
// app's service principal is a member of (New-ServicePrincipal, then Add-RoleGroupMember) whose management
// roles hold the cmdlet. Custom roles are copies of a parent role, optionally with only some of its cmdlets
// (New-ManagementRole -Parent … -EnabledCmdlets …).
//
// The built-in roles below are a small, illustrative catalogue: which built-in role holds the
// *-BlockedSenderAddress cmdlets is UNCONFIRMED (m365-contracts.md §1.3), which is why docs/setup.md finds
// the parent roles with Get-ManagementRole -Cmdlet instead of naming them; nothing depends on these names.

export interface ManagementRole {
  name: string;
  /** Cmdlet names, as Exchange spells them. */
  cmdlets: string[];
  /** A built-in role (root) or a copy of one (custom). */
  builtIn: boolean;
  parent: string | null;
  description: string;
}

export interface RoleGroup {
  name: string;
  roles: string[];
  /** Object IDs of member service principals. */
  members: string[];
  description: string;
}

/** Exchange's reference to an Entra service principal (New-ServicePrincipal). */
export interface ServicePrincipalRef {
  appId: string;
  objectId: string;
  displayName: string;
}

/** Why a caller may or may not run a cmdlet. */
export type ExchangeAccess =
  | { allowed: true; via: 'entra-role' | 'role-group' }
  /** No Exchange permission at all: Exchange answers like a missing directory role (403, §2.4). */
  | { allowed: false; reason: 'no-exchange-role' }
  /** Some role group, but none of its roles holds this cmdlet. */
  | { allowed: false; reason: 'cmdlet-not-in-roles' };

const BUILT_IN_ROLES: readonly Omit<ManagementRole, 'builtIn' | 'parent'>[] = [
  {
    name: 'Transport Hygiene',
    cmdlets: ['Get-BlockedSenderAddress', 'Remove-BlockedSenderAddress'],
    description: 'Anti-spam and anti-malware features (simulated catalogue).',
  },
  {
    name: 'View-Only Recipients',
    cmdlets: ['Get-Mailbox', 'Get-InboxRule'],
    description: 'View recipient properties (simulated catalogue).',
  },
  {
    name: 'Mail Recipients',
    cmdlets: ['Get-Mailbox', 'Get-InboxRule', 'Set-Mailbox'],
    description: 'Manage existing mailboxes (simulated catalogue).',
  },
  {
    // A user role: it covers only the caller's own mailbox, so it is no parent for an admin role.
    name: 'MyBaseOptions',
    cmdlets: ['Get-Mailbox'],
    description: 'Users view their own mailbox (simulated catalogue).',
  },
  {
    name: 'View-Only Configuration',
    cmdlets: ['Get-OrganizationConfig'],
    description: 'View organization settings (simulated catalogue).',
  },
  {
    name: 'Role Management',
    cmdlets: [
      'Get-ManagementRole',
      'New-ManagementRole',
      'Get-RoleGroup',
      'New-RoleGroup',
      'Remove-RoleGroup',
      'Remove-ManagementRole',
      'New-ManagementRoleAssignment',
      'Add-RoleGroupMember',
      'Remove-RoleGroupMember',
      'Get-ServicePrincipal',
      'New-ServicePrincipal',
      'Remove-ServicePrincipal',
    ],
    description: 'Manage role-based access control (simulated catalogue).',
  },
];

export class ExchangeRbac {
  private roles = new Map<string, ManagementRole>();
  private groups = new Map<string, RoleGroup>();
  private principals = new Map<string, ServicePrincipalRef>();

  constructor() {
    this.reset();
  }

  reset(): void {
    this.roles = new Map(
      BUILT_IN_ROLES.map((r) => [r.name.toLowerCase(), { ...r, builtIn: true, parent: null }]),
    );
    this.groups = new Map();
    this.principals = new Map();
  }

  /** Whether a caller with these Entra roles (`wids`) and this service principal object id may run `cmdlet`. */
  access(
    cmdlet: string,
    wids: readonly string[],
    principalId: string | undefined,
    allCmdletRoles: readonly string[],
  ): ExchangeAccess {
    if (wids.some((id) => allCmdletRoles.includes(id.toLowerCase())))
      return { allowed: true, via: 'entra-role' };
    const memberOf = principalId ? this.groupsOf(principalId) : [];
    if (memberOf.length === 0) return { allowed: false, reason: 'no-exchange-role' };
    const wanted = cmdlet.toLowerCase();
    const granted = memberOf.some((group) =>
      group.roles.some((name) => this.role(name)?.cmdlets.some((c) => c.toLowerCase() === wanted)),
    );
    return granted ? { allowed: true, via: 'role-group' } : { allowed: false, reason: 'cmdlet-not-in-roles' };
  }

  role(name: string): ManagementRole | undefined {
    return this.roles.get(name.toLowerCase());
  }

  rolesWithCmdlet(cmdlet: string): ManagementRole[] {
    const wanted = cmdlet.toLowerCase();
    return [...this.roles.values()].filter((r) => r.cmdlets.some((c) => c.toLowerCase() === wanted));
  }

  allRoles(): ManagementRole[] {
    return [...this.roles.values()];
  }

  addRole(role: ManagementRole): void {
    this.roles.set(role.name.toLowerCase(), role);
  }

  removeRole(name: string): void {
    this.roles.delete(name.toLowerCase());
  }

  group(name: string): RoleGroup | undefined {
    return this.groups.get(name.toLowerCase());
  }

  allGroups(): RoleGroup[] {
    return [...this.groups.values()];
  }

  addGroup(group: RoleGroup): void {
    this.groups.set(group.name.toLowerCase(), group);
  }

  removeGroup(name: string): void {
    this.groups.delete(name.toLowerCase());
  }

  /** A service principal by object id, app id or display name. */
  principal(identity: string): ServicePrincipalRef | undefined {
    const wanted = identity.toLowerCase();
    return [...this.principals.values()].find(
      (p) => p.objectId === wanted || p.appId === wanted || p.displayName.toLowerCase() === wanted,
    );
  }

  allPrincipals(): ServicePrincipalRef[] {
    return [...this.principals.values()];
  }

  addPrincipal(principal: ServicePrincipalRef): void {
    this.principals.set(principal.objectId, principal);
  }

  /** Removes the reference and its role group memberships, as Exchange does. */
  removePrincipal(objectId: string): void {
    this.principals.delete(objectId);
    for (const group of this.groups.values()) group.members = group.members.filter((m) => m !== objectId);
  }

  private groupsOf(principalId: string): RoleGroup[] {
    const id = principalId.toLowerCase();
    return [...this.groups.values()].filter((g) => g.members.includes(id));
  }
}
