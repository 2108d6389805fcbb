// The compromise check ("Responding to a compromised email account", m365-contracts.md §6): what an
// attacker leaves behind in the mailbox (forwarding, inbox rules that forward, redirect or delete) and, where
// the tenant lets the bot read them, Identity Protection's risk and the apps the user consented to in the
// last 7 days. Every part is read on its own: one that fails is "could not be read", never "clean".
import type { Logger } from 'pino';
import type { CompromiseChecks, DirectoryUser, InboxRuleSummary } from '../../runbook/index.js';
import type { TenantGateway } from '../../tenant/index.js';

/** How far back risky sign-ins and app consents count as recent. */
export const EVIDENCE_WINDOW_MS = 7 * 24 * 3600_000;

function isSuspicious(rule: InboxRuleSummary): boolean {
  return rule.forwardsTo.length > 0 || rule.deletesMessages;
}

export async function gatherEvidence(
  tenant: TenantGateway,
  user: DirectoryUser,
  logger: Logger,
  now: Date = new Date(),
): Promise<CompromiseChecks> {
  const address = user.mail ?? user.userPrincipalName;
  const since = new Date(now.getTime() - EVIDENCE_WINDOW_MS);
  const [forwarding, rules, risk, consents] = await Promise.allSettled([
    tenant.getMailboxForwarding(address),
    tenant.listInboxRules(user.id),
    tenant.getSignInRisk(user.id, since),
    tenant.listAppConsents(user.id, since),
  ]);
  // Stryker disable next-line BlockStatement: only logs which part could not be read
  const failed = (what: string, result: PromiseSettledResult<unknown>) => {
    if (result.status === 'rejected')
      logger.warn({ err: result.reason, userId: user.id }, `${what} could not be read`);
  };
  // Stryker disable next-line StringLiteral: the part's name only goes into the log line
  failed('mailbox forwarding', forwarding);
  failed('inbox rules', rules);
  failed('sign-in risk', risk);
  failed('app consents', consents);
  const ruleList = rules.status === 'fulfilled' ? rules.value : null;
  return {
    forwarding: forwarding.status === 'fulfilled' ? forwarding.value : null,
    suspiciousRules: ruleList ? ruleList.filter(isSuspicious) : [],
    ruleCount: ruleList ? ruleList.length : -1,
    sessionsRevoked: false,
    signInRisk: risk.status === 'fulfilled' ? risk.value : null,
    appConsents: consents.status === 'fulfilled' ? consents.value : null,
  };
}
