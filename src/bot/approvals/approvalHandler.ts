// Approve / Reject / Retry / Refresh clicks on the approval card. The bot's part is Teams: it checks the
// clicker's membership live for every click, hands the decision to the request lifecycle (which authorizes
// it against the stored request and decides with a compare-and-set), and answers with the card the
// server's record now calls for.
import type { Logger } from 'pino';
import type { Language, MessageKey, Translator } from '../../i18n/index.js';
import type { RequestLifecycle } from '../../requests/index.js';
import {
  type Actor,
  type ApprovalRefusal,
  isRepeatOffender,
  type UnblockRequest,
} from '../../runbook/index.js';
import type { SignCard } from '../cardSigning.js';
import { errorNotice } from '../cards/noticeCards.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import type { ApprovalVerb } from '../verbs.js';
import type { ApproverDirectory } from './approverDirectory.js';
import { clickedApprovalCard } from './clickedCard.js';

export interface ApprovalHandlerDeps {
  lifecycle: RequestLifecycle;
  directory: ApproverDirectory;
  t: Translator;
  logger: Logger;
  /** Signs the ids on approval card buttons (see cardSigning.ts). */
  signCard: SignCard;
  giveUpAfterHours: number;
  /** SECURITY_APPROVER_GROUP_ID is set (repeat offenders need one of its members). */
  securityApprovers: boolean;
}

export interface ApprovalClick {
  verb: ApprovalVerb;
  requestId: string;
  comment: string | undefined;
  /** The repeat-offender acknowledgement was ticked. */
  acknowledged: boolean;
  clicker: Actor;
  conversationId: string;
  language: Language;
}

const refusalKey: Record<Exclude<ApprovalRefusal, 'not-pending' | 'not-retryable'>, MessageKey> = {
  'not-approver': 'approval.notApprover',
  'own-request': 'approval.ownRequest',
  'unresolved-findings': 'evidence.unresolved',
  'needs-security-approver': 'repeat.refusedSecurity',
  'previous-approver': 'repeat.refusedPrevious',
  'needs-acknowledgement': 'repeat.refusedAcknowledge',
};

const decisionOf = {
  'approval.approve': 'approve',
  'approval.reject': 'reject',
  'approval.retry': 'retry',
} as const;

export class ApprovalHandler {
  constructor(private readonly deps: ApprovalHandlerDeps) {}

  async handle(click: ApprovalClick): Promise<AdaptiveCardJson> {
    const isApprover = await this.deps.directory.isApprover(click.clicker.aadObjectId);
    const isSecurityApprover = await this.deps.directory.isSecurityApprover(click.clicker.aadObjectId);
    const deciders = { isApprover, isSecurityApprover };
    if (click.verb === 'approval.refresh') {
      const request = await this.deps.lifecycle.get(click.requestId);
      if (!request) return this.notFound(click);
      return this.view(request, click, deciders);
    }
    const result = await this.deps.lifecycle.decide({
      requestId: click.requestId,
      decision: decisionOf[click.verb],
      clicker: click.clicker,
      conversationId: click.conversationId,
      comment: click.comment,
      isApprover,
      isSecurityApprover,
      acknowledged: click.acknowledged,
    });
    if (result.kind === 'not-found') return this.notFound(click);
    if (result.kind === 'decided') return this.view(result.request, click, deciders);
    const { reason, request } = result;
    const notice =
      reason === 'not-pending' || reason === 'not-retryable'
        ? this.alreadyDecided(request, click.language)
        : this.deps.t.t(click.language, refusalKey[reason]);
    return this.view(request, click, deciders, notice);
  }

  private notFound(click: ApprovalClick): AdaptiveCardJson {
    return errorNotice({ t: this.deps.t, language: click.language }, 'approval.notFound');
  }

  private alreadyDecided(request: UnblockRequest, language: Language): string {
    return this.deps.t.t(language, 'approval.alreadyDecided', {
      state: this.deps.t.t(language, `state.${request.state}`),
    });
  }

  private async view(
    request: UnblockRequest,
    click: ApprovalClick,
    deciders: { isApprover: boolean; isSecurityApprover: boolean },
    notice?: string,
  ) {
    const decides = deciders.isApprover || (isRepeatOffender(request) && deciders.isSecurityApprover);
    return clickedApprovalCard(this.deps, request, { language: click.language, decides, notice });
  }
}
