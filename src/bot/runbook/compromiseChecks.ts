// Step 3 of the runbook: look at the account for what an attacker leaves behind (forwarding, inbox rules).
// A check that fails is shown as "could not be read", never as "clean".
import type { Logger } from 'pino';
import type { CompromiseChecks, DirectoryUser, InboxRuleSummary } from '../../runbook/index.js';
import type { TenantGateway } from '../../tenant/index.js';

function isSuspicious(rule: InboxRuleSummary): boolean {
  return rule.forwardsTo.length > 0 || rule.deletesMessages;
}

export async function gatherCompromiseChecks(
  tenant: TenantGateway,
  user: DirectoryUser,
  logger: Logger,
): Promise<CompromiseChecks> {
  const address = user.mail ?? user.userPrincipalName;
  const [forwarding, rules] = await Promise.allSettled([
    tenant.getMailboxForwarding(address),
    tenant.listInboxRules(user.id),
  ]);
  if (forwarding.status === 'rejected') {
    logger.warn({ err: forwarding.reason, userId: user.id }, 'mailbox forwarding could not be read');
  }
  if (rules.status === 'rejected') {
    logger.warn({ err: rules.reason, userId: user.id }, 'inbox rules could not be read');
  }
  const ruleList = rules.status === 'fulfilled' ? rules.value : null;
  return {
    forwarding: forwarding.status === 'fulfilled' ? forwarding.value : null,
    suspiciousRules: ruleList ? ruleList.filter(isSuspicious) : [],
    ruleCount: ruleList ? ruleList.length : -1,
    sessionsRevoked: false,
  };
}
