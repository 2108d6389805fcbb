// What an administrator grants or changes when a check fails: the exact permission or role, in the words
// of the Entra admin center (m365-contracts.md §2.2 for Exchange, §3 for Graph, §5.1 for message trace).
import { TenantError } from '../runbook/index.js';

export const GRANT = {
  exchange:
    'Grant the application permission Exchange.ManageAsApp (Office 365 Exchange Online) with admin consent, and assign the Exchange Administrator role to the service principal',
  organization: 'Grant the application permission Organization.Read.All (Microsoft Graph) with admin consent',
  users: 'Grant the application permission User.Read.All (Microsoft Graph) with admin consent',
  groupMembers: 'Grant the application permission GroupMember.Read.All (Microsoft Graph) with admin consent',
  checkMemberGroups:
    'Grant the application permissions User.Read.All and GroupMember.Read.All (Microsoft Graph) with admin consent',
  messageTrace:
    'Grant ExchangeMessageTrace.Read.All (Microsoft Graph) + service principal for app 8bd644d1-64a1-4d4b-ae52-2e0cbf64e373 (New-MgServicePrincipal -AppId 8bd644d1-64a1-4d4b-ae52-2e0cbf64e373)',
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
