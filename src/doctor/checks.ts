// The deployment checks, in order, each one call through the TenantProbe: tokens for both APIs, both APIs
// reachable, the approver group and the transitive membership check, the Restricted entities list, and
// (optional) message trace. A check that needs a token the credential could not get is reported as not
// checked. Decisions only: printing is report.ts's job.
import { EXCHANGE_APP_ROLE, type TenantApi, type TenantProbe, type TokenSummary } from '../tenant/index.js';
import { describeFailure, fixFor, GRANT } from './fixes.js';
import { type ProactiveCheckSettings, proactiveChecks } from './proactiveChecks.js';

export type CheckStatus = 'pass' | 'fail' | 'warn';

export interface CheckResult {
  title: string;
  status: CheckStatus;
  /** One line: what was found, or what went wrong. */
  detail: string;
  /** What to grant or change, for a failure or warning. */
  fix?: string | undefined;
  /** Optional checks only warn. */
  required: boolean;
}

export interface CheckSettings extends Partial<ProactiveCheckSettings> {
  approverGroupId: string | undefined;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

const API_NAME: Record<TenantApi, string> = { graph: 'Microsoft Graph', exchange: 'Exchange Online' };

export async function runChecks(probe: TenantProbe, settings: CheckSettings): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const graphToken = await tokenCheck(probe, 'graph', results);
  const exchangeToken = await tokenCheck(probe, 'exchange', results);
  const needs = (token: TokenSummary | null, api: TenantApi, title: string, required = true): boolean => {
    if (token) return true;
    results.push({
      title,
      status: required ? 'fail' : 'warn',
      detail: `not checked: no token for ${API_NAME[api]} (see above)`,
      required,
    });
    return false;
  };

  const organization = 'Graph reachable (GET /organization)';
  if (needs(graphToken, 'graph', organization)) {
    const org = await attempt(() => probe.organization());
    results.push(
      org.ok
        ? pass(organization, `${org.value.displayName} (${org.value.id})`)
        : fail(organization, org.error, 'graph', GRANT.organization),
    );
  }

  const exchange = 'Exchange InvokeCommand reachable (Get-OrganizationConfig)';
  if (needs(exchangeToken, 'exchange', exchange)) {
    const org = await attempt(() => probe.exchangeOrganization());
    const lacksRole = exchangeToken?.roles && !exchangeToken.roles.includes(EXCHANGE_APP_ROLE);
    results.push(
      org.ok
        ? pass(exchange, org.value.name)
        : fail(
            exchange,
            org.error,
            'exchange',
            GRANT.exchange,
            lacksRole ? `the token has no ${EXCHANGE_APP_ROLE} role` : undefined,
          ),
    );
  }

  const group = 'Approver group resolvable (GET /groups/{id})';
  const groupId = settings.approverGroupId;
  if (groupId === undefined) {
    results.push({
      title: group,
      status: 'fail',
      detail: 'APPROVER_GROUP_ID is not set',
      fix: "Set APPROVER_GROUP_ID to the approvers group's Object ID",
      required: true,
    });
  } else if (needs(graphToken, 'graph', group)) {
    const found = await attempt(() => probe.group(groupId));
    if (!found.ok) results.push(fail(group, found.error, 'graph', GRANT.groupMembers));
    else if (found.value === null) {
      results.push({
        title: group,
        status: 'fail',
        detail: `no group ${groupId} in this tenant`,
        fix: "Set APPROVER_GROUP_ID to the approvers group's Object ID (Entra admin center › Groups)",
        required: true,
      });
    } else results.push(pass(group, `${found.value.displayName} (${found.value.id})`));
  }

  const membership = 'checkMemberGroups works (POST /users/{id}/checkMemberGroups)';
  if (needs(graphToken, 'graph', membership)) results.push(await membershipCheck(probe, membership, groupId));

  const restricted = 'Restricted entities list readable (Get-BlockedSenderAddress)';
  if (needs(exchangeToken, 'exchange', restricted)) {
    const count = await attempt(() => probe.restrictedSenderCount());
    results.push(
      count.ok
        ? pass(restricted, `${count.value} restricted sender(s) now`)
        : fail(restricted, count.error, 'exchange', GRANT.exchange),
    );
  }

  const trace = 'Message trace available (Graph messageTraces), optional';
  if (needs(graphToken, 'graph', trace, false)) {
    const count = await attempt(() => probe.recentMessageTraceCount());
    results.push(
      count.ok
        ? pass(trace, `${count.value === 0 ? 'no' : 'some'} messages in the last hour`, false)
        : {
            ...fail(trace, count.error, 'graph', GRANT.messageTrace),
            status: 'warn',
            required: false,
            detail: `${describeFailure(count.error)}; without it the bot cannot confirm that mail flows again`,
          },
    );
  }
  results.push(
    ...(await proactiveChecks(
      probe,
      {
        detection: settings.detection ?? false,
        detectionSummary: settings.detectionSummary,
        securityApproverGroupId: settings.securityApproverGroupId,
      },
      graphToken !== null,
    )),
  );
  return results;
}

async function tokenCheck(
  probe: TenantProbe,
  api: TenantApi,
  results: CheckResult[],
): Promise<TokenSummary | null> {
  const scope =
    api === 'graph' ? 'https://graph.microsoft.com/.default' : 'https://outlook.office365.com/.default';
  const title = `Token for ${API_NAME[api]} (${scope})`;
  const token = await attempt(() => probe.token(api));
  if (!token.ok) {
    results.push({ title, status: 'fail', detail: describeFailure(token.error), required: true });
    return null;
  }
  const roles = token.value.roles;
  const detail =
    roles === null
      ? 'roles unknown (not a readable JWT)'
      : roles.length === 0
        ? 'roles: none'
        : `roles: ${[...roles].sort().join(', ')}`;
  results.push(pass(title, detail));
  return token.value;
}

async function membershipCheck(
  probe: TenantProbe,
  title: string,
  groupId: string | undefined,
): Promise<CheckResult> {
  const user = await attempt(() => probe.anyUserId());
  if (!user.ok) return fail(title, user.error, 'graph', GRANT.users);
  if (user.value === null)
    return { title, status: 'warn', detail: 'the directory has no users to check', required: true };
  const userId = user.value;
  const groups = groupId === undefined ? [] : [groupId];
  const checked = await attempt(() => probe.checkMemberGroups(userId, groups));
  if (!checked.ok) return fail(title, checked.error, 'graph', GRANT.checkMemberGroups);
  return pass(title, `answered for user ${userId}`);
}

function pass(title: string, detail: string, required = true): CheckResult {
  return { title, status: 'pass', detail, required };
}

function fail(
  title: string,
  error: unknown,
  api: 'graph' | 'exchange',
  onForbidden: string,
  note?: string,
): CheckResult {
  const detail = describeFailure(error);
  return {
    title,
    status: 'fail',
    detail: note ? `${detail} (${note})` : detail,
    fix: fixFor(error, api, onForbidden),
    required: true,
  };
}
