// The evidence an approver weighs before approving: the compromise check's suspicious findings (mailbox
// forwarding, inbox rules that forward, redirect or delete, Identity Protection risk, recent app consents).
// Each one must be fixed from the approval card (where an API allows: remove forwarding, disable the rule,
// revoke sessions) or waived with a reason before Approve is accepted, on the server, for every click.
import type { CompromiseChecks, FindingResolution, UnblockRequest } from './types.js';

export type FindingFix = 'remove-forwarding' | 'disable-rule' | 'revoke-sessions';

export type Finding =
  | { key: 'forwarding'; kind: 'forwarding'; address: string; fix: FindingFix }
  | {
      key: string;
      kind: 'inbox-rule';
      ruleId: string | null;
      name: string;
      forwardsTo: string[];
      deletes: boolean;
      fix: FindingFix | null;
    }
  | {
      key: 'sign-in-risk';
      kind: 'sign-in-risk';
      riskLevel: string;
      recentDetections: number;
      fix: FindingFix;
    }
  | { key: 'app-consents'; kind: 'app-consents'; apps: string[]; fix: null };

const RISKY_LEVELS = ['medium', 'high'];

/** The suspicious findings of a request's compromise check, in card order. */
export function findingsOf(checks: CompromiseChecks | null): Finding[] {
  if (!checks) return [];
  const findings: Finding[] = [];
  const forwardsTo = checks.forwarding?.forwardingSmtpAddress ?? checks.forwarding?.forwardingAddress;
  if (forwardsTo)
    findings.push({ key: 'forwarding', kind: 'forwarding', address: forwardsTo, fix: 'remove-forwarding' });
  for (const rule of checks.suspiciousRules) {
    if (!rule.enabled) continue;
    findings.push({
      key: `rule:${rule.id ?? rule.name}`,
      kind: 'inbox-rule',
      ruleId: rule.id ?? null,
      name: rule.name,
      forwardsTo: rule.forwardsTo,
      deletes: rule.deletesMessages,
      fix: rule.id ? 'disable-rule' : null,
    });
  }
  const risk = checks.signInRisk;
  if (risk && (RISKY_LEVELS.includes(risk.riskLevel.toLowerCase()) || risk.recentDetections > 0)) {
    findings.push({
      key: 'sign-in-risk',
      kind: 'sign-in-risk',
      riskLevel: risk.riskLevel,
      recentDetections: risk.recentDetections,
      fix: 'revoke-sessions',
    });
  }
  if (checks.appConsents && checks.appConsents.length > 0) {
    findings.push({
      key: 'app-consents',
      kind: 'app-consents',
      apps: [...new Set(checks.appConsents.map((c) => c.appName))],
      fix: null,
    });
  }
  return findings;
}

export function resolutionOf(request: UnblockRequest, key: string): FindingResolution | null {
  return request.resolutions?.find((r) => r.finding === key) ?? null;
}

/** Findings neither fixed nor waived: while there are any, Approve is refused. */
export function unresolvedFindings(request: UnblockRequest): Finding[] {
  return findingsOf(request.checks).filter((f) => !resolutionOf(request, f.key));
}

/**
 * The checks after a fix. They keep what was found (the card shows the finding as fixed, by whom and when);
 * only the sessions fact changes, since revoking them is itself a check item.
 */
export function checksAfterFix(checks: CompromiseChecks, fix: FindingFix): CompromiseChecks {
  return fix === 'revoke-sessions' ? { ...checks, sessionsRevoked: true } : checks;
}

/** Shortest and longest waiver reason accepted. */
export const WAIVER_REASON_LENGTH = { min: 3, max: 500 } as const;

/** Approve is accepted only when every suspicious finding is fixed or waived. */
export function checkEvidence(
  request: UnblockRequest,
): { ok: true } | { ok: false; reason: 'unresolved-findings' } {
  return unresolvedFindings(request).length > 0 ? { ok: false, reason: 'unresolved-findings' } : { ok: true };
}
