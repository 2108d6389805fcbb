// Clicks on the approval card's evidence checklist: Fix and Waive open a confirmation panel on the card;
// "Yes, do it" and "Waive it" hand the action to the request lifecycle (FindingActions), which authorizes it
// against the stored request, does it and records it. Membership is checked live for every click; the
// answer is the card as the server's record now has it, with a line for the clicker when something failed.
import type { Logger } from 'pino';
import type { Language, MessageKey, Translator } from '../../i18n/index.js';
import type {
  FindingActionResult,
  FindingActions,
  FindingRefusal,
  RequestLifecycle,
} from '../../requests/index.js';
import { type Actor, isRepeatOffender, type UnblockRequest } from '../../runbook/index.js';
import type { SignCard } from '../cardSigning.js';
import { errorNotice } from '../cards/noticeCards.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import type { EvidenceVerb } from '../verbs.js';
import type { ApproverDirectory } from './approverDirectory.js';
import { clickedApprovalCard } from './clickedCard.js';
import type { EvidencePanel } from './evidenceSection.js';

export interface EvidenceHandlerDeps {
  lifecycle: RequestLifecycle;
  findings: FindingActions;
  directory: ApproverDirectory;
  t: Translator;
  logger: Logger;
  signCard: SignCard;
  giveUpAfterHours: number;
  /** SECURITY_APPROVER_GROUP_ID is set (repeat offenders need one of its members). */
  securityApprovers: boolean;
}

export interface EvidenceClick {
  verb: EvidenceVerb;
  requestId: string;
  finding: string;
  reason: string | undefined;
  clicker: Actor;
  conversationId: string;
  language: Language;
}

const refusalKey: Record<FindingRefusal, MessageKey> = {
  'not-approver': 'approval.notApprover',
  'own-request': 'approval.ownRequest',
  'not-pending': 'evidence.alreadyResolved',
  'unknown-finding': 'evidence.alreadyResolved',
  'no-fix': 'evidence.fixFailed',
  'already-resolved': 'evidence.alreadyResolved',
  'reason-required': 'evidence.reasonRequired',
};

export class EvidenceHandler {
  constructor(private readonly deps: EvidenceHandlerDeps) {}

  async handle(click: EvidenceClick): Promise<AdaptiveCardJson> {
    const current = await this.deps.lifecycle.get(click.requestId);
    if (!current) return this.notFound(click);
    // A repeat offender's security approvers deal with its findings as its approvers do.
    const isApprover =
      (await this.deps.directory.isApprover(click.clicker.aadObjectId)) ||
      (isRepeatOffender(current) &&
        (await this.deps.directory.isSecurityApprover(click.clicker.aadObjectId)));
    const input = { ...click, isApprover };
    switch (click.verb) {
      case 'evidence.fix':
      case 'evidence.waive':
      case 'evidence.back': {
        const request = current;
        const panel: EvidencePanel | undefined =
          click.verb === 'evidence.back'
            ? undefined
            : { kind: click.verb === 'evidence.fix' ? 'fix' : 'waive', finding: click.finding };
        return this.view(request, click, isApprover, undefined, panel);
      }
      case 'evidence.confirmFix':
        return this.answer(await this.deps.findings.fix(input), click, isApprover);
      case 'evidence.confirmWaive': {
        const result = await this.deps.findings.waive(input);
        // A missing reason keeps the waiver panel open, with the reason to give.
        const panel = result.kind === 'refused' && result.reason === 'reason-required' ? 'waive' : undefined;
        return this.answer(result, click, isApprover, panel);
      }
    }
  }

  private async answer(
    result: FindingActionResult,
    click: EvidenceClick,
    isApprover: boolean,
    panel?: 'waive',
  ): Promise<AdaptiveCardJson> {
    if (result.kind === 'not-found') return this.notFound(click);
    const notice =
      result.kind === 'done'
        ? undefined
        : this.deps.t.t(
            click.language,
            result.kind === 'failed' ? 'evidence.fixFailed' : refusalKey[result.reason],
          );
    return this.view(
      result.request,
      click,
      isApprover,
      notice,
      panel ? { kind: panel, finding: click.finding } : undefined,
    );
  }

  private notFound(click: EvidenceClick): AdaptiveCardJson {
    return errorNotice({ t: this.deps.t, language: click.language }, 'approval.notFound');
  }

  private async view(
    request: UnblockRequest,
    click: EvidenceClick,
    isApprover: boolean,
    notice?: string,
    panel?: EvidencePanel,
  ): Promise<AdaptiveCardJson> {
    return clickedApprovalCard(this.deps, request, {
      language: click.language,
      decides: isApprover,
      notice,
      panel,
    });
  }
}
