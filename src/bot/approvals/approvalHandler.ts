// Approve / Reject / Refresh clicks on the approval card. Every click is authorized here, against the stored
// request: the clicker must be an approver and not the requester, and the decision is a compare-and-set on
// the request's version, so two approvers, a double click or a retried invoke decide once.
import type { Logger } from 'pino';
import type { Language, Translator } from '../../i18n/index.js';
import { type Actor, type ApprovalRefusal, checkApproval, type UnblockRequest } from '../../runbook/index.js';
import type { JobQueue, RequestStore } from '../../store/index.js';
import { type RequestLedger, unblockJobId } from '../../worker/index.js';
import type { SignCard } from '../cardSigning.js';
import { errorNotice } from '../cards/noticeCards.js';
import type { AdaptiveCardJson } from '../cards/render.js';
import type { ApprovalVerb } from '../verbs.js';
import { approvalCard } from './approvalCards.js';
import type { ApproverDirectory } from './approverDirectory.js';

export interface ApprovalHandlerDeps {
  requests: RequestStore;
  jobs: JobQueue;
  ledger: RequestLedger;
  directory: ApproverDirectory;
  t: Translator;
  logger: Logger;
  allowSelfApproval: boolean;
  /** Signs the ids on approval card buttons (see cardSigning.ts). */
  signCard: SignCard;
  /** Wakes the in-process worker so the unblock starts at once. */
  onJobQueued?: () => void;
}

export interface ApprovalClick {
  verb: ApprovalVerb;
  requestId: string;
  comment: string | undefined;
  clicker: Actor;
  conversationId: string;
  language: Language;
}

const refusalKey: Record<
  Exclude<ApprovalRefusal, 'not-pending'>,
  'approval.notApprover' | 'approval.ownRequest'
> = {
  'not-approver': 'approval.notApprover',
  'own-request': 'approval.ownRequest',
};

export class ApprovalHandler {
  constructor(private readonly deps: ApprovalHandlerDeps) {}

  async handle(click: ApprovalClick): Promise<AdaptiveCardJson> {
    const request = await this.deps.requests.get(click.requestId);
    if (!request) return errorNotice({ t: this.deps.t, language: click.language }, 'approval.notFound');
    const isApprover = await this.deps.directory.isApprover(click.clicker.aadObjectId);
    if (click.verb === 'approval.refresh') return this.view(request, click, isApprover);

    const check = checkApproval({
      request,
      clicker: click.clicker,
      isApprover,
      allowSelfApproval: this.deps.allowSelfApproval,
    });
    if (!check.ok) {
      await this.deps.ledger.note(
        request,
        'approval.refused',
        { reason: check.reason, verb: click.verb },
        click.clicker,
        click.conversationId,
      );
      if (check.reason === 'not-pending') {
        return this.view(request, click, isApprover, this.alreadyDecided(request, click.language));
      }
      return this.view(request, click, isApprover, this.deps.t.t(click.language, refusalKey[check.reason]));
    }
    const approve = click.verb === 'approval.approve';
    const decidedAt = new Date().toISOString();
    const outcome = await this.deps.ledger.move(
      request,
      approve ? 'approved' : 'rejected',
      {
        actor: click.clicker,
        conversationId: click.conversationId,
        action: 'approval.decided',
        detail: { decision: approve ? 'approve' : 'reject' },
      },
      { decidedBy: click.clicker, decidedAt, decisionComment: click.comment?.trim() || null },
    );
    if (!outcome.ok) {
      // Someone else decided first: show what the server holds now.
      const current = outcome.current ?? (await this.deps.requests.get(request.id)) ?? request;
      return this.view(current, click, isApprover, this.alreadyDecided(current, click.language));
    }
    if (approve) {
      await this.deps.jobs.enqueue({
        id: unblockJobId(request.id),
        type: 'unblock',
        payload: { requestId: request.id },
      });
      this.deps.onJobQueued?.();
    }
    return this.view(outcome.request, click, isApprover);
  }

  private alreadyDecided(request: UnblockRequest, language: Language): string {
    return this.deps.t.t(language, 'approval.alreadyDecided', {
      state: this.deps.t.t(language, `state.${request.state}`),
    });
  }

  private async view(request: UnblockRequest, click: ApprovalClick, isApprover: boolean, notice?: string) {
    const approvers = await this.deps.directory.reachableApprovers();
    return approvalCard(request, {
      t: this.deps.t,
      language: click.language,
      view: isApprover ? 'approver' : 'status',
      sign: this.deps.signCard,
      refreshUserIds: approvers.map((a) => a.teamsUserId),
      notice,
    });
  }
}
