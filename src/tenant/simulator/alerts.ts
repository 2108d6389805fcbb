// Microsoft Graph security alerts (alerts_v2, m365-contracts.md §4.2): GET /security/alerts_v2 with a $filter
// on the filterable properties (createdDateTime, severity, status, …; title is not filterable, so callers
// match it themselves) and @odata.nextLink paging. The alert "User restricted from sending email" names
// its accounts in mailboxEvidence items; one alert can name several (Microsoft aggregates alerts that
// arrive within 1–15 minutes of each other), which is what the bot must read.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type ApiRequest, type Sent, sendJson } from './http.js';
import { compileFilter } from './odataFilter.js';
import { intOption, pageOf } from './paging.js';
import { SEED } from './seed.js';
import type { SimUser, TenantState } from './state.js';

export const RESTRICTED_ALERT_TITLE = 'User restricted from sending email';

const FILTERABLE = [
  'assignedTo',
  'classification',
  'determination',
  'createdDateTime',
  'lastUpdateDateTime',
  'severity',
  'serviceSource',
  'status',
];

/** One alert as Graph returns it (the properties the simulator fills). */
export interface GraphAlert {
  id: string;
  providerAlertId: string;
  incidentId: string;
  status: string;
  severity: string;
  classification: string | null;
  determination: string | null;
  serviceSource: string;
  detectionSource: string;
  title: string;
  description: string;
  category: string;
  createdDateTime: string;
  lastUpdateDateTime: string;
  alertWebUrl: string;
  evidence: Record<string, unknown>[];
}

export function alertsV2(req: ApiRequest, res: ServerResponse, state: TenantState): Sent {
  const params = req.url.searchParams;
  const filter = params.get('$filter');
  const match = filter ? compileFilter(filter, FILTERABLE) : () => true;
  const alerts = state.alerts
    .filter((a) => match({ ...a }))
    .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
  const page = pageOf(alerts, req.url, intOption(params.get('$top'), 1, 2000, 2000));
  return sendJson(res, 200, {
    '@odata.context': `${req.origin}/v1.0/$metadata#security/alerts_v2`,
    ...(page.nextLink ? { '@odata.nextLink': page.nextLink } : {}),
    value: page.value,
  });
}

/** A "User restricted from sending email" alert naming `users`, as Defender for Office 365 raises it. */
export function restrictedUsersAlert(users: SimUser[], at: Date): GraphAlert {
  const id = `fa${randomUUID().replace(/-/g, '').slice(0, 30)}`;
  const iso = at.toISOString();
  return {
    id,
    providerAlertId: randomUUID(),
    incidentId: String(1000 + (Math.floor(at.getTime() / 1000) % 100_000)),
    status: 'new',
    severity: 'high',
    classification: null,
    determination: null,
    serviceSource: 'microsoftDefenderForOffice365',
    detectionSource: 'microsoftDefenderForOffice365',
    title: RESTRICTED_ALERT_TITLE,
    description:
      'This alert is triggered when a user is restricted from sending outbound mail because of outbound spam.',
    category: 'ThreatManagement',
    createdDateTime: iso,
    lastUpdateDateTime: iso,
    alertWebUrl: `https://security.microsoft.com/alerts/${id}?tid=${SEED.tenantId}`,
    evidence: users.map((user) => ({
      '@odata.type': '#microsoft.graph.security.mailboxEvidence',
      createdDateTime: iso,
      verdict: 'suspicious',
      remediationStatus: 'none',
      roles: [],
      primaryAddress: user.mail ?? user.userPrincipalName,
      displayName: user.displayName,
      upn: user.userPrincipalName,
      userAccount: {
        accountName: user.userPrincipalName.split('@')[0],
        domainName: user.userPrincipalName.split('@')[1] ?? null,
        userSid: null,
        azureAdUserId: user.id,
        userPrincipalName: user.userPrincipalName,
        displayName: user.displayName,
      },
    })),
  };
}

/** An unrelated alert, so callers must match the title themselves (it is not filterable). */
export function unrelatedAlert(at: Date): GraphAlert {
  const iso = at.toISOString();
  return {
    id: `da${randomUUID().replace(/-/g, '').slice(0, 30)}`,
    providerAlertId: randomUUID(),
    incidentId: '4711',
    status: 'new',
    severity: 'high',
    classification: null,
    determination: null,
    serviceSource: 'microsoftDefenderForOffice365',
    detectionSource: 'microsoftDefenderForOffice365',
    title: 'Email messages containing malicious URL removed after delivery',
    description: 'Emails with a malicious URL were delivered and later removed (zero-hour auto purge).',
    category: 'InitialAccess',
    createdDateTime: iso,
    lastUpdateDateTime: iso,
    alertWebUrl: `https://security.microsoft.com/alerts/da4711?tid=${SEED.tenantId}`,
    evidence: [
      {
        '@odata.type': '#microsoft.graph.security.analyzedMessageEvidence',
        createdDateTime: iso,
        verdict: 'malicious',
        recipientEmailAddress: 'roberta@contoso.com',
        subject: 'Your invoice is ready',
      },
    ],
  };
}
