// Fixing or waiving a suspicious finding from the approval card, as a use case of the request lifecycle:
// authorized against the stored request (an approver, on a request waiting for approval, a finding the
// request really has), the fix done in the tenant (disable the rule, remove forwarding, revoke sessions),
// then recorded with a compare-and-set, an audit entry and a card update for everyone. A fix is idempotent
// in the tenant, so a retried click does no harm; a waiver needs a reason.
import type { Logger } from 'pino';
import {
  type Actor,
  checksAfterFix,
  type Finding,
  type FindingFix,
  findingsOf,
  resolutionOf,
  TenantError,
  type UnblockRequest,
  WAIVER_REASON_LENGTH,
} from '../../runbook/index.js';
import type { RequestStore } from '../../store/index.js';
import type { TenantGateway } from '../../tenant/index.js';
import type { Party, RequestLedger } from '../ledger.js';

export type FindingRefusal =
  | 'not-approver'
  | 'own-request'
  | 'not-pending'
  | 'unknown-finding'
  | 'no-fix'
  | 'already-resolved'
  | 'reason-required';

export type FindingActionResult =
  | { kind: 'done'; request: UnblockRequest }
  | { kind: 'refused'; reason: FindingRefusal; request: UnblockRequest }
  /** The tenant refused the fix or is unavailable: fix it in the admin center, or waive it. */
  | { kind: 'failed'; request: UnblockRequest }
  | { kind: 'not-found' };

export interface FindingActionInput {
  requestId: string;
  finding: string;
  clicker: Actor;
  conversationId: string;
  /** Checked live by the caller for this click (who may decide this request). */
  isApprover: boolean;
}

export interface FindingActionsDeps {
  requests: RequestStore;
  ledger: RequestLedger;
  tenant: TenantGateway;
  logger: Logger;
  now: () => Date;
  allowSelfApproval: boolean;
}

export class FindingActions {
  constructor(private readonly deps: FindingActionsDeps) {}

  /** Fixes a finding in the tenant and records it. */
  async fix(input: FindingActionInput): Promise<FindingActionResult> {
    const checked = await this.authorize(input);
    if (checked.kind !== 'ok') return checked;
    const { request, finding } = checked;
    if (!finding.fix) return { kind: 'refused', reason: 'no-fix', request };
    const party = { actor: input.clicker, conversationId: input.conversationId };
    try {
      await this.applyFix(request, finding, finding.fix);
    } catch (error) {
      if (!(error instanceof TenantError)) throw error;
      this.deps.logger.warn(
        { err: error, requestId: request.id, finding: finding.key },
        'a finding could not be fixed',
      );
      await this.deps.ledger.note(
        request,
        'finding.fix-failed',
        { finding: finding.key, fix: finding.fix, code: error.code },
        party,
      );
      return { kind: 'failed', request };
    }
    return this.record(input, party, 'fixed', null, finding.fix);
  }

  /** Accepts a finding with the approver's reason. */
  async waive(input: FindingActionInput & { reason: string | undefined }): Promise<FindingActionResult> {
    const checked = await this.authorize(input);
    if (checked.kind !== 'ok') return checked;
    const reason = input.reason?.trim() ?? '';
    if (reason.length < WAIVER_REASON_LENGTH.min || reason.length > WAIVER_REASON_LENGTH.max) {
      return { kind: 'refused', reason: 'reason-required', request: checked.request };
    }
    const party = { actor: input.clicker, conversationId: input.conversationId };
    return this.record(input, party, 'waived', reason, null);
  }

  private async authorize(
    input: FindingActionInput,
  ): Promise<
    | { kind: 'ok'; request: UnblockRequest; finding: Finding }
    | Exclude<FindingActionResult, { kind: 'done' | 'failed' }>
  > {
    const request = await this.deps.requests.get(input.requestId);
    if (!request) return { kind: 'not-found' };
    const refuse = (reason: FindingRefusal) => ({ kind: 'refused' as const, reason, request });
    if (!input.isApprover) return this.refused(request, input, 'not-approver');
    if (!this.deps.allowSelfApproval && input.clicker.aadObjectId === request.requester.aadObjectId)
      return this.refused(request, input, 'own-request');
    if (request.state !== 'pending_approval') return refuse('not-pending');
    const finding = findingsOf(request.checks).find((f) => f.key === input.finding);
    if (!finding) return refuse('unknown-finding');
    if (resolutionOf(request, finding.key)) return refuse('already-resolved');
    return { kind: 'ok', request, finding };
  }

  private async refused(request: UnblockRequest, input: FindingActionInput, reason: FindingRefusal) {
    await this.deps.ledger.note(
      request,
      'approval.refused',
      { reason, finding: input.finding },
      { actor: input.clicker, conversationId: input.conversationId },
    );
    return { kind: 'refused' as const, reason, request };
  }

  private async applyFix(request: UnblockRequest, finding: Finding, fix: FindingFix): Promise<void> {
    const { tenant } = this.deps;
    if (fix === 'remove-forwarding')
      await tenant.removeMailboxForwarding(request.target.mail ?? request.target.userPrincipalName);
    else if (fix === 'revoke-sessions') await tenant.revokeSessions(request.target.id);
    else if (finding.kind === 'inbox-rule' && finding.ruleId)
      await tenant.disableInboxRule(request.target.id, finding.ruleId);
  }

  /** Records the resolution; a concurrent change (another finding dealt with) is merged, once. */
  private async record(
    input: FindingActionInput,
    party: Party,
    kind: 'fixed' | 'waived',
    reason: string | null,
    fix: FindingFix | null,
  ): Promise<FindingActionResult> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const request = await this.deps.requests.get(input.requestId);
      if (!request) return { kind: 'not-found' };
      if (request.state !== 'pending_approval') return { kind: 'refused', reason: 'not-pending', request };
      if (resolutionOf(request, input.finding)) return { kind: 'done', request };
      const resolution = {
        finding: input.finding,
        kind,
        by: input.clicker,
        at: this.deps.now().toISOString(),
        reason,
      };
      const saved = await this.deps.ledger.amend(
        request,
        {
          resolutions: [...(request.resolutions ?? []), resolution],
          ...(fix && request.checks ? { checks: checksAfterFix(request.checks, fix) } : {}),
        },
        {
          ...party,
          action: kind === 'fixed' ? 'finding.fixed' : 'finding.waived',
          event: 'evidence',
          detail: kind === 'fixed' ? { finding: input.finding, fix } : { finding: input.finding, reason },
        },
      );
      if (saved.ok) return { kind: 'done', request: saved.request };
    }
    const current = await this.deps.requests.get(input.requestId);
    return current ? { kind: 'refused', reason: 'not-pending', request: current } : { kind: 'not-found' };
  }
}
