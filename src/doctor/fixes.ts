// What an administrator grants or changes when a check fails, and where: the exact permission or role, in
// the words of the Entra admin center and Exchange Online PowerShell, pointing at the section of
// docs/setup.md that does it. `who` names the identity (its service principal object id when the token
// showed it).
import { TenantError } from '../runbook/index.js';
import { EXCHANGE_ROLE_GROUP } from './requirements.js';

const SETUP_PERMISSIONS = 'docs/setup.md, "4. Grant Microsoft 365 permissions"';
const SETUP_ROLE_GROUP = 'docs/setup.md, "Exchange Online: a role group with three cmdlets"';

export const FIX = {
  graphPermission: (permission: string, who: string) =>
    `Grant the Microsoft Graph application permission ${permission} to ${who} (${SETUP_PERMISSIONS}), then run the doctor again`,
  exchangeAppRole: (who: string) =>
    `Grant the Office 365 Exchange Online application permission Exchange.ManageAsApp to ${who} (${SETUP_PERMISSIONS})`,
  noExchangeRole: (who: string) =>
    `Give ${who} an Exchange role: create the Exchange role group "${EXCHANGE_ROLE_GROUP}" and add its service principal (New-ServicePrincipal, Add-RoleGroupMember: ${SETUP_ROLE_GROUP}); or, as the broader fallback, assign it the Entra role Exchange Administrator`,
  cmdletNotInRoles: (cmdlet: string) =>
    `Add a role holding ${cmdlet} to the Exchange role group "${EXCHANGE_ROLE_GROUP}" (New-ManagementRole -Parent <a role from Get-ManagementRole -Cmdlet ${cmdlet}> -EnabledCmdlets ${cmdlet}, then New-ManagementRoleAssignment -SecurityGroup "${EXCHANGE_ROLE_GROUP}" -Role <that role>: ${SETUP_ROLE_GROUP})`,
  userAdministrator: (who: string) =>
    `Assign the Entra role User Administrator to ${who}, preferably over an administrative unit that holds the ordinary users only (docs/security.md, "The password-reset role"). An assignment over an administrative unit cannot be seen here: tokens list tenant-wide roles only, so ignore this line if you made one`,
  overprivileged: (who: string, roles: string) =>
    `${who} holds ${roles}, far more than the bot needs: remove it and assign User Administrator and the Exchange role group instead (docs/security.md)`,
  extraPermissions: (permissions: string) =>
    `Remove what the bot does not use (${permissions}): ${SETUP_PERMISSIONS} lists what it needs`,
  messageTraceApp:
    "Grant ExchangeMessageTrace.Read.All (Microsoft Graph); if Graph does not offer it, first create the service principal of Microsoft's message trace app: New-MgServicePrincipal -AppId 8bd644d1-64a1-4d4b-ae52-2e0cbf64e373",
  approverGroup: "Set APPROVER_GROUP_ID to the approvers group's Object ID (Entra admin center › Groups)",
  helpdeskGroup: "Set HELPDESK_GROUP_ID to the helpdesk group's Object ID (Entra admin center › Groups)",
} as const;

export type ApiName = 'graph' | 'exchange';

const BASE_URL_VARIABLE: Record<ApiName, string> = { graph: 'GRAPH_BASE_URL', exchange: 'EXO_BASE_URL' };

/**
 * The fix for a failed call: `onForbidden` when the service refused the app (403, and for Exchange also
 * 401, which is how it answers a token without the role), otherwise what the failure points at.
 */
export function fixFor(error: unknown, api: ApiName, onForbidden: string): string | undefined {
  if (!(error instanceof TenantError)) return undefined;
  const variable = BASE_URL_VARIABLE[api];
  switch (error.code) {
    case 'Forbidden':
      return onForbidden;
    case 'Unauthorized':
      if (api === 'exchange')
        return `${onForbidden}; check that AZURE_TENANT_ID is the tenant of ${variable}`;
      return `Graph refused the token: check that AZURE_TENANT_ID is the tenant ${variable} serves and that the app has admin consent there`;
    case 'Unavailable':
      return `Check ${variable} and outbound HTTPS access to it`;
    case 'Throttled':
      return 'Throttled by Microsoft 365: run the doctor again in a few minutes';
    case 'NotFound':
    case 'BadRequest':
      return api === 'exchange'
        ? 'Check EXO_BASE_URL (https://outlook.office365.com/adminapi/beta) and AZURE_TENANT_ID'
        : 'Check GRAPH_BASE_URL (https://graph.microsoft.com/v1.0)';
    default:
      return undefined;
  }
}

/** A failure in one line: our TenantError messages carry no tokens or secrets; anything else shows its type. */
export function describeFailure(error: unknown): string {
  if (error instanceof TenantError) return error.message;
  if (error instanceof Error) return `${error.name}: unexpected failure`;
  return 'unexpected failure';
}
