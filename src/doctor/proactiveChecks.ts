// The checks of the features that start cases by themselves and weigh the evidence before approval: all
// optional: a permission not granted is a "not checked" line saying what the bot does without it, and a
// granted one whose call fails warns.
// Microsoft's security alerts (without SecurityAlert.Read.All the Restricted list alone detects), Identity
// Protection risk and the audit log's app consents (without them the approval card says "could not be
// read"), and the inbox-rule fix on the card. Each is one permission line, and a harmless call when the
// token carries it.
import type { TenantProbe } from '../tenant/index.js';
import type { CheckResult, Grants } from './checks.js';
import { describeFailure, FIX, fixFor } from './fixes.js';
import { OPTIONAL_GRAPH_PERMISSIONS, type OptionalPermission } from './requirements.js';

export interface ProactiveCheckSettings {
  /** DETECTION=on. */
  detection: boolean;
  /** What detection does, in one line (poll interval, waves, pacing, repeat offenders), when it is on. */
  detectionSummary?: string | undefined;
  /** SECURITY_APPROVER_GROUP_ID, when set. */
  securityApproverGroupId?: string | undefined;
}

interface ProactiveCheckInput extends ProactiveCheckSettings {
  /** What the Graph token grants; null without a Graph token. */
  grants: Grants | null;
  /** How the fixes name the identity. */
  who: string;
}

const optional = (
  title: string,
  status: 'pass' | 'warn' | 'skip',
  detail: string,
  fix?: string,
): CheckResult => ({
  title,
  status,
  detail,
  fix,
  required: false,
});

export async function proactiveChecks(
  probe: TenantProbe,
  input: ProactiveCheckInput,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const p = OPTIONAL_GRAPH_PERMISSIONS;
  if (input.detection && input.detectionSummary) {
    results.push(optional('Detection settings', 'pass', input.detectionSummary));
  }
  /** The permission's line, and its harmless call when the token may carry it. */
  const check = async (
    permission: OptionalPermission,
    count?: { call: () => Promise<number>; what: string },
  ) => {
    const title = `Microsoft Graph permission ${permission.name} (${permission.neededFor}), optional`;
    if (!input.grants) {
      results.push(optional(title, 'skip', 'not checked: no token for Microsoft Graph (see above)'));
      return;
    }
    const granted = input.grants(permission);
    if (granted === false) {
      // Not a problem: an optional feature the admin has not chosen. The line says what it would add.
      results.push(
        optional(
          title,
          'skip',
          `not granted; ${permission.without}`,
          FIX.graphPermission(permission.name, input.who),
        ),
      );
      return;
    }
    if (!count) {
      results.push(optional(title, 'pass', 'granted'));
      return;
    }
    try {
      results.push(optional(title, 'pass', `${await count.call()} ${count.what}`));
    } catch (error) {
      const fix = fixFor(error, 'graph', FIX.graphPermission(permission.name, input.who));
      results.push(optional(title, 'warn', `${describeFailure(error)}; ${permission.without}`, fix));
    }
  };
  if (input.detection) {
    await check(p.securityAlerts, { call: () => probe.recentAlertCount(), what: 'alert(s) in the last day' });
  } else {
    results.push(
      optional(
        `Microsoft Graph permission ${p.securityAlerts.name}, optional`,
        'pass',
        'not needed: DETECTION=off',
      ),
    );
  }
  await check(p.riskyUsers);
  await check(p.riskEvents, {
    call: () => probe.recentRiskDetectionCount(),
    what: 'risk detection(s) in the last week',
  });
  await check(p.auditLog, { call: () => probe.recentConsentCount(), what: 'consent(s) in the last week' });
  await check(p.mailboxSettingsWrite);
  await securityGroupCheck(probe, input, results);
  return results;
}

async function securityGroupCheck(
  probe: TenantProbe,
  input: ProactiveCheckInput,
  results: CheckResult[],
): Promise<void> {
  const groupId = input.securityApproverGroupId;
  if (!groupId || !input.grants) return;
  const title = 'Security approver group resolvable (GET /groups/{id}), optional';
  try {
    const group = await probe.group(groupId);
    results.push(
      group
        ? optional(title, 'pass', `${group.displayName} (${group.id})`)
        : {
            title,
            status: 'fail',
            detail: `no group ${groupId} in this tenant (SECURITY_APPROVER_GROUP_ID): nobody could approve a repeat offender`,
            fix: "Set SECURITY_APPROVER_GROUP_ID to the security approvers group's Object ID, or leave it empty",
            required: true,
          },
    );
  } catch (error) {
    const fix = fixFor(error, 'graph', FIX.graphPermission('GroupMember.Read.All', input.who));
    results.push(optional(title, 'warn', describeFailure(error), fix));
  }
}
