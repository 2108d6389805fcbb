// The checks of the features that start cases by themselves and weigh the evidence before approval: all
// optional, so a failure only warns and says what the bot does without it. Microsoft's security alerts
// (without SecurityAlert.Read.All the Restricted list alone detects), Identity Protection risk and the
// audit log's app consents (without them the approval card says "could not be read"). One entry in the
// checks list (checks.ts), kept apart so it can grow with its features.
import type { TenantProbe } from '../tenant/index.js';
import type { CheckResult } from './checks.js';
import { describeFailure, fixFor, GRANT } from './fixes.js';

export interface ProactiveCheckSettings {
  /** DETECTION=on. */
  detection: boolean;
  /** What detection does, in one line (poll interval, waves, pacing, repeat offenders), when it is on. */
  detectionSummary?: string;
  /** SECURITY_APPROVER_GROUP_ID, when set. */
  securityApproverGroupId?: string | undefined;
}

export async function proactiveChecks(
  probe: TenantProbe,
  settings: ProactiveCheckSettings,
  hasGraphToken: boolean,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  if (settings.detection && settings.detectionSummary) {
    results.push({
      title: 'Detection settings',
      status: 'pass',
      detail: settings.detectionSummary,
      required: false,
    });
  }
  const alerts = 'Security alerts readable (Graph security/alerts_v2), optional';
  if (!settings.detection) {
    results.push({ title: alerts, status: 'pass', detail: 'not needed: DETECTION=off', required: false });
  } else if (!hasGraphToken) {
    results.push({
      title: alerts,
      status: 'warn',
      detail: 'not checked: no token for Microsoft Graph',
      required: false,
    });
  } else {
    try {
      const count = await probe.recentAlertCount();
      results.push({
        title: alerts,
        status: 'pass',
        detail: `${count} alert(s) in the last day`,
        required: false,
      });
    } catch (error) {
      results.push({
        title: alerts,
        status: 'warn',
        detail: `${describeFailure(error)}; without it the Restricted list alone detects restricted accounts`,
        fix: fixFor(error, 'graph', GRANT.securityAlerts),
        required: false,
      });
    }
  }
  const optional = async (
    title: string,
    count: () => Promise<number>,
    what: string,
    grant: string,
    without: string,
  ) => {
    if (!hasGraphToken) {
      results.push({
        title,
        status: 'warn',
        detail: 'not checked: no token for Microsoft Graph',
        required: false,
      });
      return;
    }
    try {
      results.push({ title, status: 'pass', detail: `${await count()} ${what}`, required: false });
    } catch (error) {
      results.push({
        title,
        status: 'warn',
        detail: `${describeFailure(error)}; ${without}`,
        fix: fixFor(error, 'graph', grant),
        required: false,
      });
    }
  };
  await optional(
    'Identity Protection risk readable (riskDetections), optional',
    () => probe.recentRiskDetectionCount(),
    'risk detection(s) in the last week',
    GRANT.signInRisk,
    'without it the approval card shows the sign-in risk as "could not be read"',
  );
  await optional(
    'App consents readable (directory audit log), optional',
    () => probe.recentConsentCount(),
    'consent(s) in the last week',
    GRANT.auditLog,
    'without it the approval card shows app consents as "could not be read"',
  );
  const security = settings.securityApproverGroupId;
  if (security && hasGraphToken) {
    const title = 'Security approver group resolvable (GET /groups/{id}), optional';
    try {
      const group = await probe.group(security);
      results.push(
        group
          ? { title, status: 'pass', detail: `${group.displayName} (${group.id})`, required: false }
          : {
              title,
              status: 'fail',
              detail: `no group ${security} in this tenant: nobody could approve a repeat offender`,
              fix: "Set SECURITY_APPROVER_GROUP_ID to the security approvers group's Object ID, or leave it empty",
              required: true,
            },
      );
    } catch (error) {
      results.push({
        title,
        status: 'warn',
        detail: describeFailure(error),
        fix: fixFor(error, 'graph', GRANT.groupMembers),
        required: false,
      });
    }
  }
  return results;
}
