// The approval card a click on it is answered with: the request as stored now, in the clicker's language,
// with buttons only for someone who decides it, refreshing for every approver the bot can reach (a repeat
// offender's security approvers too). Approve, Reject and Retry clicks and the evidence checklist's alike.
import type { Language, Translator } from '../../i18n/index.js';
import { isRepeatOffender, type UnblockRequest } from '../../runbook/index.js';
import type { SignCard } from '../cardSigning.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import { approvalCard } from './approvalCards.js';
import type { ApproverDirectory } from './approverDirectory.js';
import type { EvidencePanel } from './evidenceSection.js';

export interface ClickedCardDeps {
  directory: ApproverDirectory;
  t: Translator;
  signCard: SignCard;
  giveUpAfterHours: number;
  /** SECURITY_APPROVER_GROUP_ID is set (repeat offenders need one of its members). */
  securityApprovers: boolean;
}

export async function clickedApprovalCard(
  deps: ClickedCardDeps,
  request: UnblockRequest,
  options: { language: Language; decides: boolean; notice?: string; panel?: EvidencePanel },
): Promise<AdaptiveCardJson> {
  const approvers = await deps.directory.reachableApprovers(undefined, isRepeatOffender(request));
  return approvalCard(request, {
    t: deps.t,
    language: options.language,
    view: options.decides ? 'approver' : 'status',
    securityApprovers: deps.securityApprovers,
    sign: deps.signCard,
    refreshUserIds: approvers.map((a) => a.teamsUserId),
    giveUpAfterHours: deps.giveUpAfterHours,
    notice: options.notice,
    panel: options.panel,
  });
}
