// App-only authorization, checked when tokens are validated for real (they then carry `roles`): which
// application permissions each Graph route needs (Microsoft's permission tables, m365-contracts.md §3) and,
// for Exchange, the Exchange.ManageAsApp role every InvokeCommand needs (§2.2) plus the Exchange role that
// allows the cmdlet (exchangeRbac.ts), with the answers the services give.
import type { ServerResponse } from 'node:http';
import { EXCHANGE_ALL_CMDLETS_ROLES } from '../entraRoles.js';
import type { ExchangeRbac } from './exchangeRbac.js';
import type { FaultApi } from './faults.js';
import { type Sent, sendExoError, sendGraphError, sendText } from './http.js';

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
    // Microsoft's permission metadata (microsoftgraph/microsoft-graph-devx-content,
    // permissions/new/permissions.json) lists User.Read.All for GET /organization app-only as well as the
    // Organization.* and Directory.* permissions; some generated reference tables show Directory.Read.All only.
    method: 'GET',
    path: /^organization$/,
    needs: [['Organization.Read.All', 'Organization.ReadWrite.All', 'User.Read.All', ...READ_DIRECTORY]],
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

/** What a validated token says about its caller. */
export interface Caller {
  roles: readonly string[];
  wids: readonly string[];
  principalId: string | undefined;
}

export interface CallTarget {
  method: string;
  segments: string[];
  /** The InvokeCommand cmdlet, for Exchange. */
  cmdlet: string | null;
}

const ALL_CMDLETS_ROLE_IDS = EXCHANGE_ALL_CMDLETS_ROLES.map((r) => r.id);

/**
 * Answers 403 when the token's roles do not cover what the call needs, like the real services; null when
 * the call may go on. Routes the simulator does not know need nothing here (they fail on their own).
 */
export function refuseWithoutPermission(
  res: ServerResponse,
  api: FaultApi,
  target: CallTarget,
  caller: Caller,
  rbac: ExchangeRbac,
): Sent | null {
  const { roles } = caller;
  if (api === 'exchange') {
    // Observed: a missing app role or directory role gets a 403 whose body is NUL bytes (§2.4).
    if (!roles.includes(EXCHANGE_APP_ROLE)) return sendText(res, 403, '\u0000'.repeat(16));
    if (target.cmdlet === null) return null;
    const access = rbac.access(target.cmdlet, caller.wids, caller.principalId, ALL_CMDLETS_ROLE_IDS);
    if (access.allowed) return null;
    // With neither a directory role nor a role group the app has no Exchange permission at all, which
    // Exchange answers like a missing directory role. A role group without the cmdlet hides it, the way
    // Exchange's RBAC hides cmdlets outside a caller's roles; the exact REST answer is UNCONFIRMED.
    if (access.reason === 'no-exchange-role') return sendText(res, 403, '\u0000'.repeat(16));
    return sendExoError(res, 400, {
      errorId: 'Ex1C2D3E',
      type: 'System.Management.Automation.CommandNotFoundException',
      message: `The term '${target.cmdlet}' is not recognized as a name of a cmdlet, function, script file, or executable program.`,
    });
  }
  const { method, segments } = target;
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
