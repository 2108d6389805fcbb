// Microsoft Entra built-in roles the bot's tenant identity may hold, by their template IDs, which are the
// same in every tenant and are what app-only tokens list in their `wids` claim (tenant-wide assignments
// only: a role assigned over an administrative unit does not appear there). Source: Microsoft Entra
// built-in roles (learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference).

export interface EntraRole {
  id: string;
  name: string;
}

export const ENTRA_ROLES = {
  globalAdministrator: { id: '62e90394-69f5-4237-9190-012177145e10', name: 'Global Administrator' },
  privilegedAuthenticationAdministrator: {
    id: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
    name: 'Privileged Authentication Administrator',
  },
  userAdministrator: { id: 'fe930be7-5e62-47db-91af-98c3a49a38b1', name: 'User Administrator' },
  helpdeskAdministrator: { id: '729827e3-9c14-49f7-bb1b-9608f156bbb8', name: 'Helpdesk Administrator' },
  passwordAdministrator: { id: '966707d0-3269-4727-9be2-8c3a10f19b9d', name: 'Password Administrator' },
  exchangeAdministrator: { id: '29232cdf-9323-42fd-ade2-1d097af3e4de', name: 'Exchange Administrator' },
  /** A service principal needs it tenant-wide to use a role assigned over an administrative unit. */
  directoryReaders: { id: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b', name: 'Directory Readers' },
} as const satisfies Record<string, EntraRole>;

/** Entra roles that give an app-only caller every Exchange Online cmdlet (app-only-auth-powershell-v2.md). */
export const EXCHANGE_ALL_CMDLETS_ROLES: readonly EntraRole[] = [
  ENTRA_ROLES.exchangeAdministrator,
  ENTRA_ROLES.globalAdministrator,
];

/** The name of a role template id, or the id itself when it is not one of ours. */
export function entraRoleName(id: string): string {
  return Object.values(ENTRA_ROLES).find((r) => r.id === id.toLowerCase())?.name ?? id;
}
