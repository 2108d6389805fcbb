// The checks of the features that start cases by themselves (DETECTION): Microsoft's security alerts are
// optional (without SecurityAlert.Read.All the Restricted list alone detects, so a failure only warns).
// One entry in the checks list (checks.ts), kept apart so it can grow with its feature.
import type { TenantProbe } from '../tenant/index.js';
import type { CheckResult } from './checks.js';
import { describeFailure, fixFor, GRANT } from './fixes.js';

export interface DetectionCheckSettings {
  /** DETECTION=on. */
  detection: boolean;
}

export async function detectionChecks(
  probe: TenantProbe,
  settings: DetectionCheckSettings,
  hasGraphToken: boolean,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
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
  return results;
}
