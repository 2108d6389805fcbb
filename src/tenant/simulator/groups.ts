// Graph GET /groups/{id} (api/group-get.md): one group by object id with $select, Request_ResourceNotFound
// for an unknown id. Enough for a deployment check that APPROVER_GROUP_ID names a real group.
// GET /groups/{id}/transitiveMembers (api/group-list-transitivemembers.md): every nested member, flat, as
// directoryObjects with their @odata.type; $select, $top (default 100, at most 999) and @odata.nextLink.
import type { ServerResponse } from 'node:http';
import { type ApiRequest, type Sent, sendGraphError, sendJson } from './http.js';
import { intOption, pageOf } from './paging.js';
import type { SimGroup, TenantState } from './state.js';

const GROUP_PROPERTIES = [
  'id',
  'displayName',
  'description',
  'mail',
  'mailEnabled',
  'securityEnabled',
  'groupTypes',
] as const;

export function getGroup(req: ApiRequest, res: ServerResponse, state: TenantState, id: string): Sent {
  const group = state.groups.find((g) => g.id === id.toLowerCase());
  if (!group) {
    return sendGraphError(
      res,
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  const select = req.url.searchParams.get('$select');
  const wanted = select
    ? select
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [...GROUP_PROPERTIES];
  const unknown = wanted.find((p) => !(GROUP_PROPERTIES as readonly string[]).includes(p));
  if (unknown) {
    return sendGraphError(
      res,
      400,
      'BadRequest',
      `Could not find a property named '${unknown}' on type 'microsoft.graph.group'.`,
    );
  }
  const full = toGraphGroup(group);
  return sendJson(res, 200, {
    '@odata.context': `${req.origin}/v1.0/$metadata#groups/$entity`,
    ...Object.fromEntries(wanted.map((p) => [p, full[p] ?? null])),
  });
}

export function listTransitiveMembers(
  req: ApiRequest,
  res: ServerResponse,
  state: TenantState,
  id: string,
  maxPageSize: number,
): Sent {
  const group = state.groups.find((g) => g.id === id.toLowerCase());
  if (!group) {
    return sendGraphError(
      res,
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  const members = state
    .transitiveMembers(group.id)
    .map((member) =>
      member.kind === 'user'
        ? { '@odata.type': '#microsoft.graph.user', id: member.id }
        : { '@odata.type': '#microsoft.graph.group', id: member.id },
    );
  const top = intOption(req.url.searchParams.get('$top'), 1, 999, 100);
  // Graph pages on the server's terms too: a page may hold fewer objects than $top asked for.
  const page = pageOf(members, req.url, Math.min(top, maxPageSize));
  return sendJson(res, 200, {
    '@odata.context': `${req.origin}/v1.0/$metadata#directoryObjects`,
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    value: page.value,
  });
}

function toGraphGroup(group: SimGroup): Record<string, unknown> {
  return {
    id: group.id,
    displayName: group.displayName,
    description: null,
    mail: null,
    mailEnabled: false,
    securityEnabled: true,
    groupTypes: [],
  };
}
