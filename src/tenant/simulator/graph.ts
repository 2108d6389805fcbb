// Microsoft Graph v1.0 as the bot uses it (m365-contracts.md §3): users (list with $filter/$select/$top
// and paging, get, PATCH passwordProfile), revokeSignInSessions, inbox messageRules, checkMemberGroups,
// groups/{id}, organization, and the Exchange message trace. Paths, bodies, status codes and error envelopes follow Graph.
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { getGroup, listTransitiveMembers } from './groups.js';
import { type ApiRequest, type Sent, sendEmpty, sendGraphError, sendJson } from './http.js';
import { messageTraces } from './messageTrace.js';
import { compileFilter, FilterError } from './odataFilter.js';
import { intOption, PagingError, pageOf } from './paging.js';
import { SEED } from './seed.js';
import type { SimUser, TenantState } from './state.js';

const USER_PROPERTIES = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'userPrincipalName',
  'mail',
  'jobTitle',
  'accountEnabled',
  'onPremisesSyncEnabled',
  'businessPhones',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
] as const;
/** What Graph returns for a user without $select (onPremisesSyncEnabled is not among them). */
const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];
const FILTERABLE_USER_PROPERTIES = ['id', 'displayName', 'givenName', 'surname', 'userPrincipalName', 'mail'];

export interface GraphSettings {
  /** Upper bound on objects per page of directory collections, whatever $top asks for. */
  maxPageSize: number;
}

export function handleGraph(
  req: ApiRequest,
  res: ServerResponse,
  state: TenantState,
  settings: GraphSettings = { maxPageSize: 999 },
): Sent {
  state.advance();
  const [first, id, ...rest] = req.segments;
  try {
    if (first === 'organization' && id === undefined) return organization(req, res);
    if (req.segments.join('/') === 'admin/exchange/tracing/messageTraces') {
      return req.method === 'GET' ? messageTraces(req, res, state) : methodNotAllowed(res);
    }
    if (first === 'groups' && id !== undefined && rest.length === 0) {
      return req.method === 'GET' ? getGroup(req, res, state, id) : methodNotAllowed(res);
    }
    if (first === 'groups' && id !== undefined && rest.join('/') === 'transitiveMembers') {
      return req.method === 'GET'
        ? listTransitiveMembers(req, res, state, id, settings.maxPageSize)
        : methodNotAllowed(res);
    }
    if (first !== 'users') return unknownSegment(res, first ?? '');
    if (id === undefined) return req.method === 'GET' ? listUsers(req, res, state) : methodNotAllowed(res);
    const user = state.findUser(id);
    if (!user) return notFound(res, id);
    const action = rest.join('/');
    if (action === '') {
      if (req.method === 'GET') return getUser(req, res, user);
      if (req.method === 'PATCH') return updateUser(req, res, user, state);
      return methodNotAllowed(res);
    }
    if (action === 'revokeSignInSessions') {
      return req.method === 'POST' ? revokeSessions(req, res, user, state) : methodNotAllowed(res);
    }
    if (action === 'checkMemberGroups') {
      return req.method === 'POST' ? checkMemberGroups(req, res, user, state) : methodNotAllowed(res);
    }
    if (/^mailFolders\/inbox\/messageRules$/i.test(action)) {
      return req.method === 'GET' ? messageRules(req, res, user, state) : methodNotAllowed(res);
    }
    return unknownSegment(res, rest[rest.length - 1] ?? '');
  } catch (error) {
    if (error instanceof FilterError)
      return sendGraphError(res, 400, 'BadRequest', `Invalid filter clause: ${error.message}`);
    if (error instanceof PagingError)
      return sendGraphError(res, 400, 'BadRequest', `Invalid query option: ${error.message}`);
    throw error;
  }
}

function organization(req: ApiRequest, res: ServerResponse): Sent {
  if (req.method !== 'GET') return methodNotAllowed(res);
  return sendJson(res, 200, {
    '@odata.context': `${req.origin}/v1.0/$metadata#organization`,
    value: [
      {
        id: SEED.tenantId,
        displayName: SEED.organizationName,
        verifiedDomains: [
          { name: 'contoso.com', isDefault: true, isInitial: false, type: 'Managed' },
          { name: 'contoso.onmicrosoft.com', isDefault: false, isInitial: true, type: 'Managed' },
        ],
      },
    ],
  });
}

function listUsers(req: ApiRequest, res: ServerResponse, state: TenantState): Sent {
  const params = req.url.searchParams;
  const select = selectedProperties(params.get('$select'));
  if (typeof select === 'string') return sendGraphError(res, 400, 'BadRequest', select);
  const filter = params.get('$filter');
  const match = filter ? compileFilter(filter, FILTERABLE_USER_PROPERTIES) : () => true;
  const users = state.users.filter((u) => match({ ...u }));
  const page = pageOf(users, req.url, intOption(params.get('$top'), 1, 999, 100));
  return sendJson(res, 200, {
    '@odata.context': `${req.origin}/v1.0/$metadata#users${params.has('$select') ? `(${select.join(',')})` : ''}`,
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    value: page.value.map((u) => project(u, select)),
  });
}

function getUser(req: ApiRequest, res: ServerResponse, user: SimUser): Sent {
  const select = selectedProperties(req.url.searchParams.get('$select'));
  if (typeof select === 'string') return sendGraphError(res, 400, 'BadRequest', select);
  return sendJson(res, 200, {
    '@odata.context': `${req.origin}/v1.0/$metadata#users/$entity`,
    ...project(user, select),
  });
}

const updateUserBody = z
  .object({
    passwordProfile: z
      .object({
        password: z.string().optional(),
        forceChangePasswordNextSignIn: z.boolean().optional(),
        forceChangePasswordNextSignInWithMfa: z.boolean().optional(),
      })
      .strict()
      .optional(),
    accountEnabled: z.boolean().optional(),
    displayName: z.string().min(1).max(256).optional(),
  })
  .strict();

function updateUser(req: ApiRequest, res: ServerResponse, user: SimUser, state: TenantState): Sent {
  const parsed = updateUserBody.safeParse(req.body);
  if (!parsed.success) {
    return sendGraphError(
      res,
      400,
      'Request_BadRequest',
      'Invalid object identifier or property in the request body.',
    );
  }
  const { passwordProfile, accountEnabled, displayName } = parsed.data;
  if (passwordProfile?.password !== undefined) {
    if (!mayResetPasswordOf(user)) {
      // The app holds at least User Administrator, not Privileged Authentication Administrator: Graph refuses
      // an administrator's password with the same answer as a missing permission (user-update.md,
      // passwordProfile; microsoft-graph-docs-contrib#1548 shows the response).
      return sendGraphError(
        res,
        403,
        'Authorization_RequestDenied',
        'Insufficient privileges to complete the operation.',
      );
    }
    if (user.onPremisesSyncEnabled) {
      return sendGraphError(
        res,
        400,
        'Request_BadRequest',
        'Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.',
      );
    }
    if (!meetsComplexity(passwordProfile.password, user)) {
      return sendGraphError(
        res,
        400,
        'Request_BadRequest',
        'The specified password does not comply with password complexity requirements. Please provide a different password.',
      );
    }
    user.passwordChangedAt = state.now().toISOString();
    user.forceChangePasswordNextSignIn = passwordProfile.forceChangePasswordNextSignIn ?? false;
  }
  if (accountEnabled !== undefined) user.accountEnabled = accountEnabled;
  if (displayName !== undefined) user.displayName = displayName;
  return sendEmpty(res, 204);
}

/**
 * Roles whose holders a User Administrator may reset passwords for (Microsoft Entra "Privileged roles and
 * permissions", "Who can reset passwords"); any other role needs Privileged Authentication Administrator.
 */
const LIMITED_ADMIN_ROLES = new Set([
  'Directory Readers',
  'Guest Inviter',
  'Helpdesk Administrator',
  'Message Center Reader',
  'Password Administrator',
  'Reports Reader',
  'User Administrator',
  'Usage Summary Reports Reader',
]);

function mayResetPasswordOf(user: SimUser): boolean {
  return user.directoryRoles.every((role) => LIMITED_ADMIN_ROLES.has(role));
}

/** Entra's rule: 8–256 characters, three of four character classes, not containing the user name. */
function meetsComplexity(password: string, user: SimUser): boolean {
  if (password.length < 8 || password.length > 256) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const alias = user.userPrincipalName.split('@')[0]?.toLowerCase() ?? '';
  return classes >= 3 && !(alias.length >= 3 && password.toLowerCase().includes(alias));
}

function revokeSessions(req: ApiRequest, res: ServerResponse, user: SimUser, state: TenantState): Sent {
  user.sessionsRevokedAt = state.now().toISOString();
  return sendJson(res, 200, { '@odata.context': `${req.origin}/v1.0/$metadata#Edm.Boolean`, value: true });
}

const checkMemberGroupsBody = z.object({ groupIds: z.array(z.string().max(64)) });

function checkMemberGroups(req: ApiRequest, res: ServerResponse, user: SimUser, state: TenantState): Sent {
  const parsed = checkMemberGroupsBody.safeParse(req.body);
  if (!parsed.success)
    return sendGraphError(res, 400, 'Request_BadRequest', "Invalid value specified for property 'groupIds'.");
  if (parsed.data.groupIds.length > 20) {
    return sendGraphError(
      res,
      400,
      'Request_BadRequest',
      "The number of ids in 'groupIds' exceeds the maximum of 20.",
    );
  }
  const memberOf = state.transitiveGroupIds(user.id);
  return sendJson(res, 200, {
    '@odata.context': `${req.origin}/v1.0/$metadata#Collection(Edm.String)`,
    value: parsed.data.groupIds.filter((id) => memberOf.has(id.toLowerCase())),
  });
}

function messageRules(req: ApiRequest, res: ServerResponse, user: SimUser, state: TenantState): Sent {
  const page = pageOf(
    state.inboxRules.get(user.id) ?? [],
    req.url,
    intOption(req.url.searchParams.get('$top'), 1, 999, 100),
  );
  return sendJson(res, 200, {
    '@odata.context': `${req.origin}/v1.0/$metadata#users('${user.id}')/mailFolders('inbox')/messageRules`,
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    value: page.value,
  });
}

/** The properties to return, or the error message for an unknown one. */
function selectedProperties(raw: string | null): string[] | string {
  if (raw === null) return DEFAULT_USER_PROPERTIES;
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = new Map<string, string>(USER_PROPERTIES.map((p) => [p.toLowerCase(), p]));
  const resolved: string[] = [];
  for (const name of names) {
    const prop = known.get(name.toLowerCase());
    if (!prop) return `Could not find a property named '${name}' on type 'microsoft.graph.user'.`;
    resolved.push(prop);
  }
  return resolved;
}

function project(user: SimUser, select: string[]): Record<string, unknown> {
  const full: Record<string, unknown> = {
    ...user,
    businessPhones: [],
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
  };
  return Object.fromEntries(select.map((p) => [p, full[p] ?? null]));
}

export function notFound(res: ServerResponse, id: string): Sent {
  return sendGraphError(
    res,
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

function unknownSegment(res: ServerResponse, segment: string): Sent {
  return sendGraphError(res, 400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
}

function methodNotAllowed(res: ServerResponse): Sent {
  return sendGraphError(
    res,
    405,
    'Request_BadRequest',
    'Specified HTTP method is not allowed for the request target.',
  );
}
