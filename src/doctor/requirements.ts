// Everything the bot's tenant identity needs, each tied to the runbook step that needs it: the Microsoft
// Graph application permissions (least privileged ones first, from Microsoft's permission metadata,
// microsoftgraph/microsoft-graph-devx-content permissions/new/permissions.json), the Exchange Online app
// role and the cmdlets its Exchange role must allow, and the Entra role for password resets. docs/setup.md
// grants exactly this list; the doctor checks it.
import { ENTRA_ROLES, type EntraRole, type ProbedCmdlet } from '../tenant/index.js';

export interface PermissionRequirement {
  /** The least privileged application permission, the one to grant. */
  name: string;
  /** Broader permissions that also work (never recommended, but not a failure). */
  alsoSatisfiedBy: readonly string[];
  /** The step or feature that needs it. */
  neededFor: string;
}

export const GRAPH_PERMISSIONS: readonly PermissionRequirement[] = [
  {
    name: 'User.Read.All',
    alsoSatisfiedBy: ['User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
    neededFor: 'step 0, finding the user; /readyz',
  },
  {
    name: 'User-PasswordProfile.ReadWrite.All',
    alsoSatisfiedBy: ['User.ReadWrite.All', 'Directory.ReadWrite.All'],
    neededFor: 'step 1, the password reset',
  },
  {
    // Least privileged for POST /users/{id}/revokeSignInSessions, delegated and application alike.
    name: 'User.RevokeSessions.All',
    alsoSatisfiedBy: ['User.ReadWrite.All', 'Directory.ReadWrite.All'],
    neededFor: 'step 3, revoking sign-in sessions',
  },
  {
    name: 'MailboxSettings.Read',
    alsoSatisfiedBy: ['MailboxSettings.ReadWrite'],
    neededFor: 'step 3, the inbox rules',
  },
  {
    name: 'GroupMember.Read.All',
    alsoSatisfiedBy: [
      'Group.Read.All',
      'Group.ReadWrite.All',
      'Directory.Read.All',
      'Directory.ReadWrite.All',
    ],
    neededFor: 'who is an approver or a helpdesk agent',
  },
  {
    name: 'ExchangeMessageTrace.Read.All',
    alsoSatisfiedBy: [],
    neededFor: 'confirming that mail flows again after an unblock',
  },
];

export const EXCHANGE_PERMISSION: PermissionRequirement = {
  name: 'Exchange.ManageAsApp',
  alsoSatisfiedBy: [],
  neededFor: 'every Exchange Online cmdlet below',
};

export interface CmdletRequirement {
  cmdlet: ProbedCmdlet;
  neededFor: string;
}

export const EXCHANGE_CMDLETS: readonly CmdletRequirement[] = [
  { cmdlet: 'Get-BlockedSenderAddress', neededFor: 'step 2, the resume monitor and /readyz' },
  { cmdlet: 'Remove-BlockedSenderAddress', neededFor: 'the unblock' },
  { cmdlet: 'Get-Mailbox', neededFor: 'step 3, mail forwarding' },
];

/** The Exchange role group docs/setup.md creates for the cmdlets above. */
export const EXCHANGE_ROLE_GROUP = 'Unblock assistant';

/** Entra roles that let an app reset the passwords of ordinary users app-only, narrowest first. */
export const PASSWORD_RESET_ROLES: readonly EntraRole[] = [
  ENTRA_ROLES.userAdministrator,
  ENTRA_ROLES.privilegedAuthenticationAdministrator,
  ENTRA_ROLES.globalAdministrator,
];

/** Entra roles far broader than the bot needs: the doctor warns when the app holds one. */
export const OVERPRIVILEGED_ROLES: readonly EntraRole[] = [
  ENTRA_ROLES.globalAdministrator,
  ENTRA_ROLES.privilegedAuthenticationAdministrator,
];
