// Microsoft Graph's evidence about an account beyond its mailbox: Identity Protection (GET
// /identityProtection/riskyUsers/{id}, 404 for users it never saw at risk; GET
// /identityProtection/riskDetections with $filter on userId and detectedDateTime) and the directory audit
// log (GET /auditLogs/directoryAudits with $filter on activityDisplayName and activityDateTime), where a
// consent to an application is the activity "Consent to application".
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type ApiRequest, type Sent, sendGraphError, sendJson } from './http.js';
import { compileFilter } from './odataFilter.js';
import { intOption, pageOf } from './paging.js';
import type { SimUser, TenantState } from './state.js';

export interface RiskyUser {
  id: string;
  userPrincipalName: string;
  userDisplayName: string;
  riskLevel: string;
  riskState: string;
  riskDetail: string;
  riskLastUpdatedDateTime: string;
  isDeleted: boolean;
  isProcessing: boolean;
}

export interface RiskDetection {
  id: string;
  userId: string;
  userPrincipalName: string;
  riskEventType: string;
  riskLevel: string;
  riskState: string;
  detectedDateTime: string;
  activity: string;
  ipAddress: string;
}

export interface DirectoryAudit {
  id: string;
  category: string;
  activityDisplayName: string;
  activityDateTime: string;
  result: string;
  initiatedBy: { user: { id: string; userPrincipalName: string; displayName: string } };
  targetResources: { id: string; displayName: string; type: string }[];
}

export const CONSENT_ACTIVITY = 'Consent to application';

export function handleIdentityProtection(
  req: ApiRequest,
  res: ServerResponse,
  state: TenantState,
  path: string[],
): Sent | null {
  const [first, second, third, ...rest] = path;
  if (rest.length > 0) return null;
  if (first === 'identityProtection' && second === 'riskyUsers' && third !== undefined) {
    if (req.method !== 'GET') return null;
    const user = state.findUser(third);
    const risky = user ? state.riskyUsers.get(user.id) : undefined;
    if (!risky) {
      return sendGraphError(res, 404, 'ResourceNotFound', `Resource '${third}' does not exist.`);
    }
    return sendJson(res, 200, {
      '@odata.context': `${req.origin}/v1.0/$metadata#riskyUsers/$entity`,
      ...risky,
    });
  }
  if (first === 'identityProtection' && second === 'riskDetections' && third === undefined) {
    return req.method === 'GET'
      ? listed(req, res, state.riskDetections, ['userId', 'detectedDateTime', 'riskLevel', 'riskState'])
      : null;
  }
  if (first === 'auditLogs' && second === 'directoryAudits' && third === undefined) {
    return req.method === 'GET'
      ? listed(req, res, state.directoryAudits, [
          'activityDisplayName',
          'activityDateTime',
          'category',
          'result',
        ])
      : null;
  }
  return null;
}

function listed<T extends object>(
  req: ApiRequest,
  res: ServerResponse,
  rows: T[],
  filterable: string[],
): Sent {
  const params = req.url.searchParams;
  const filter = params.get('$filter');
  const match = filter ? compileFilter(filter, filterable) : () => true;
  const page = pageOf(
    rows.filter((row) => match({ ...row } as Record<string, unknown>)),
    req.url,
    intOption(params.get('$top'), 1, 999, 100),
  );
  return sendJson(res, 200, {
    '@odata.context': `${req.origin}/v1.0/$metadata#${req.segments.join('/')}`,
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    value: page.value,
  });
}

export function riskyUser(user: SimUser, riskLevel: string, at: Date): RiskyUser {
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    userDisplayName: user.displayName,
    riskLevel,
    riskState: riskLevel === 'none' ? 'none' : 'atRisk',
    riskDetail: 'none',
    riskLastUpdatedDateTime: at.toISOString(),
    isDeleted: false,
    isProcessing: false,
  };
}

export function riskDetection(
  user: SimUser,
  riskEventType: string,
  riskLevel: string,
  at: Date,
): RiskDetection {
  return {
    id: randomUUID().replace(/-/g, ''),
    userId: user.id,
    userPrincipalName: user.userPrincipalName,
    riskEventType,
    riskLevel,
    riskState: 'atRisk',
    detectedDateTime: at.toISOString(),
    activity: 'signin',
    ipAddress: '198.51.100.77',
  };
}

export function consentAudit(user: SimUser, appName: string, at: Date): DirectoryAudit {
  return {
    id: `Directory_${randomUUID()}`,
    category: 'ApplicationManagement',
    activityDisplayName: CONSENT_ACTIVITY,
    activityDateTime: at.toISOString(),
    result: 'success',
    initiatedBy: {
      user: { id: user.id, userPrincipalName: user.userPrincipalName, displayName: user.displayName },
    },
    targetResources: [{ id: randomUUID(), displayName: appName, type: 'ServicePrincipal' }],
  };
}
