// App-only authorization, checked when tokens are validated for real (they then carry `roles`): which
// application permissions each Graph route needs (Microsoft's permission tables, m365-contracts.md §3) and
// the Exchange.ManageAsApp role every InvokeCommand needs (§2.2), with the 403s the services answer.
import type { ServerResponse } from 'node:http';
import type { FaultApi } from './faults.js';
import { type Sent, sendGraphError, sendText } from './http.js';

/** Every inner list is "any one of these"; all inner lists must be satisfied. */
export type PermissionRequirement = readonly (readonly string[])[];

export const EXCHANGE_APP_ROLE = 'Exchange.ManageAsApp';

const READ_DIRECTORY = ['Directory.Read.All', 'Directory.ReadWrite.All'];
const WRITE_DIRECTORY = ['Directory.ReadWrite.All'];
const READ_USERS = ['User.Read.All', 'User.ReadWrite.All', ...READ_DIRECTORY];
const READ_MEMBERSHIP = ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', ...READ_DIRECTORY];

interface Route {
  method: string;
  path: RegExp;
  needs: PermissionRequirement;
  /** Mailbox routes answer like Exchange-backed Graph workloads. */
  kind?: 'mailbox' | 'workload';
}

const GRAPH_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: /^organization$/,
    needs: [['Organization.Read.All', 'Organization.ReadWrite.All', ...READ_DIRECTORY]],
  },
  { method: 'GET', path: /^users(\/[^/]+)?$/, needs: [READ_USERS] },
  {
    method: 'PATCH',
    path: /^users\/[^/]+$/,
    needs: [['User-PasswordProfile.ReadWrite.All', 'User.ReadWrite.All', ...WRITE_DIRECTORY]],
  },
  {
    method: 'POST',
    path: /^users\/[^/]+\/revokeSignInSessions$/,
    needs: [['User.RevokeSessions.All', 'User.ReadWrite.All', ...WRITE_DIRECTORY]],
  },
  { method: 'POST', path: /^users\/[^/]+\/checkMemberGroups$/, needs: [READ_USERS, READ_MEMBERSHIP] },
  { method: 'GET', path: /^groups\/[^/]+$/, needs: [READ_MEMBERSHIP] },
  // group-list-transitivemembers.md: GroupMember.Read.All is the least privileged application permission.
  { method: 'GET', path: /^groups\/[^/]+\/transitiveMembers$/, needs: [READ_MEMBERSHIP] },
  {
    method: 'GET',
    path: /^users\/[^/]+\/mailFolders\/inbox\/messageRules$/i,
    needs: [['MailboxSettings.Read', 'MailboxSettings.ReadWrite']],
    kind: 'mailbox',
  },
  {
    method: 'GET',
    path: /^admin\/exchange\/tracing\/messageTraces$/,
    needs: [['ExchangeMessageTrace.Read.All']],
    kind: 'workload',
  },
];

/**
 * Answers 403 when the token's roles do not cover what the call needs, like the real services; null when
 * the call may go on. Routes the simulator does not know need nothing here (they fail on their own).
 */
export function refuseWithoutPermission(
  res: ServerResponse,
  api: FaultApi,
  method: string,
  segments: string[],
  roles: readonly string[],
): Sent | null {
  if (api === 'exchange') {
    // Observed: a missing app role or directory role gets a 403 whose body is NUL bytes (§2.4).
    return roles.includes(EXCHANGE_APP_ROLE) ? null : sendText(res, 403, '\u0000'.repeat(16));
  }
  const route = GRAPH_ROUTES.find((r) => r.method === method && r.path.test(segments.join('/')));
  if (!route) return null;
  const missing = route.needs.find((anyOf) => !anyOf.some((p) => roles.includes(p)));
  if (!missing) return null;
  if (route.kind === 'mailbox')
    return sendGraphError(
      res,
      403,
      'ErrorAccessDenied',
      'Access is denied. Check credentials and try again.',
    );
  if (route.kind === 'workload') {
    return sendGraphError(
      res,
      403,
      'Forbidden',
      `Missing role permissions on the request. API requires one of '${missing.join(', ')}'. Roles on the request '${roles.join(', ')}'.`,
    );
  }
  return sendGraphError(
    res,
    403,
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
  );
}
