// The request lifecycle as the bot sees it: one method per use case (start, record a finding, submit,
// decide, retry, cancel), each one commit through the ledger, plus the reads the adapters need. The rules
// live in src/runbook/ (state machine, approval policy); this layer applies them to the stored record.
import {
  type ApprovalRefusal,
  type AuditAction,
  type AuditEvent,
  checkApproval,
  checkRetry,
  type DirectoryUser,
  openRequest,
  type RequestFacts,
  UNBLOCKS_PER_ACCOUNT_PER_DAY,
  type UnblockRequest,
  unblockAttemptOf,
} from '../runbook/index.js';
import type { RequestStore } from '../store/index.js';
import { unblockJob } from './jobs.js';
import type { LedgerOutcome, Party, RequestLedger } from './ledger.js';

export type StartResult =
  | { kind: 'started'; request: UnblockRequest }
  /** The user already has a request in progress: continue that one instead of a second. */
  | { kind: 'active'; existing: UnblockRequest }
  /** The account was unblocked UNBLOCKS_PER_ACCOUNT_PER_DAY times in the last 24 hours. */
  | { kind: 'daily-cap'; count: number };

export type DecisionResult =
  | { kind: 'decided'; request: UnblockRequest }
  | { kind: 'refused'; reason: ApprovalRefusal; request: UnblockRequest }
  | { kind: 'not-found' };

export interface DecisionInput {
  requestId: string;
  decision: 'approve' | 'reject' | 'retry';
  clicker: Party['actor'];
  conversationId: string;
  comment?: string;
  /** Checked live by the caller for this click (transitive membership of the approver group). */
  isApprover: boolean;
}

export interface RequestLifecycleDeps {
  requests: RequestStore;
  ledger: RequestLedger;
  now: () => Date;
  allowSelfApproval: boolean;
}

export class RequestLifecycle {
  constructor(private readonly deps: RequestLifecycleDeps) {}

  get(id: string): Promise<UnblockRequest | null> {
    return this.deps.requests.get(id);
  }

  /** An agent's own most recent requests ("status"). */
  recentByRequester(aadObjectId: string, limit: number): Promise<UnblockRequest[]> {
    return this.deps.requests.listRecentByRequester(aadObjectId, limit);
  }

  /** Requests waiting for a decision `approverId` may take (not their own, unless allowed), oldest first. */
  async waitingFor(approverId: string): Promise<UnblockRequest[]> {
    const waiting = await this.deps.requests.listByState('pending_approval');
    const submitted = (r: UnblockRequest) => r.submittedAt ?? r.createdAt;
    return waiting
      .filter((r) => this.deps.allowSelfApproval || r.requester.aadObjectId !== approverId)
      .sort((a, b) => submitted(a).localeCompare(submitted(b)));
  }

  /** Opens a request for `target`, unless one is in progress or the daily cap is reached. */
  async start(input: {
    id: string;
    party: Party & { tenantId: string };
    locale: string;
    target: DirectoryUser;
  }): Promise<StartResult> {
    const [existing] = await this.deps.requests.listActiveForTarget(input.target.id);
    if (existing) return { kind: 'active', existing };
    const count = await this.unblocksInLastDay(input.target.id);
    if (count >= UNBLOCKS_PER_ACCOUNT_PER_DAY) return { kind: 'daily-cap', count };
    const request = openRequest({
      id: input.id,
      tenantId: input.party.tenantId,
      requester: input.party.actor,
      conversationId: input.party.conversationId,
      locale: input.locale,
      target: input.target,
      now: this.deps.now(),
    });
    const created = await this.deps.ledger.create(request, {
      actor: input.party.actor,
      conversationId: input.party.conversationId,
      detail: { target: input.target.userPrincipalName },
    });
    if (!created.ok) throw new Error(`request ${request.id} could not be created (${created.reason})`);
    return { kind: 'started', request: created.request };
  }

  /** Records what a runbook step found (password, restriction, checks), keeping the state. */
  record(
    request: UnblockRequest,
    facts: RequestFacts,
    party: Party,
    action: AuditAction,
    detail: AuditEvent['detail'] = {},
  ): Promise<LedgerOutcome> {
    return this.deps.ledger.amend(request, facts, { ...party, action, detail });
  }

  /** The agent confirmed the unblock with Yes: the request goes to the approvers. */
  submit(request: UnblockRequest, party: Party): Promise<LedgerOutcome> {
    return this.deps.ledger.move(request, 'pending_approval', party, {
      submittedAt: this.deps.now().toISOString(),
    });
  }

  /** The agent cancelled (or the account turned out not to be restricted); an ended request stays ended. */
  cancel(request: UnblockRequest, party: Party, detail?: AuditEvent['detail']): Promise<LedgerOutcome> {
    return this.deps.ledger.move(request, 'cancelled', { ...party, detail });
  }

  /**
   * Approve, reject or retry, as clicked by `clicker`: authorized against the stored request, decided with a
   * compare-and-set (two approvers or a double click decide once), and an approval commits its unblock job
   * with the decision, so no approved request is ever left without one.
   */
  async decide(input: DecisionInput): Promise<DecisionResult> {
    const request = await this.deps.requests.get(input.requestId);
    if (!request) return { kind: 'not-found' };
    const party = { actor: input.clicker, conversationId: input.conversationId };
    const rule = input.decision === 'retry' ? checkRetry : checkApproval;
    const check = rule({
      request,
      clicker: input.clicker,
      isApprover: input.isApprover,
      allowSelfApproval: this.deps.allowSelfApproval,
    });
    if (!check.ok) {
      await this.deps.ledger.note(
        request,
        'approval.refused',
        { reason: check.reason, decision: input.decision },
        party,
      );
      return { kind: 'refused', reason: check.reason, request };
    }
    const decided = {
      decidedBy: input.clicker,
      decidedAt: this.deps.now().toISOString(),
      decisionComment: input.comment?.trim() || null,
    };
    const outcome =
      input.decision === 'reject'
        ? await this.deps.ledger.move(request, 'rejected', this.decisionContext(party, 'reject'), decided)
        : await this.approve(request, party, input.decision, decided);
    if (outcome.ok) return { kind: 'decided', request: outcome.request };
    // Someone else decided first: report what the server holds now.
    const current = outcome.current ?? (await this.deps.requests.get(request.id)) ?? request;
    return { kind: 'refused', reason: 'not-pending', request: current };
  }

  private approve(
    request: UnblockRequest,
    party: Party,
    decision: 'approve' | 'retry',
    decided: Pick<UnblockRequest, 'decidedBy' | 'decidedAt' | 'decisionComment'>,
  ): Promise<LedgerOutcome> {
    const retry = decision === 'retry';
    const attempt = unblockAttemptOf(request) + (retry ? 1 : 0);
    // The unblock job of this attempt is committed with the approval.
    return this.deps.ledger.move(
      request,
      'approved',
      {
        ...this.decisionContext(party, decision),
        action: retry ? 'approval.retried' : 'approval.decided',
        detail: retry ? { decision, attempt, previousFailure: request.failure } : { decision },
        jobs: [unblockJob({ ...request, attempt })],
      },
      { ...decided, attempt, failure: null, unblockedAt: retry ? null : request.unblockedAt },
    );
  }

  private decisionContext(party: Party, decision: DecisionInput['decision']) {
    return { ...party, action: 'approval.decided' as const, detail: { decision } };
  }

  /** An audit entry for a request (a refused click) or none (a refused command, a setting changed). */
  note(
    request: UnblockRequest,
    action: AuditAction,
    detail: AuditEvent['detail'],
    party: Party,
  ): Promise<void> {
    return this.deps.ledger.note(request, action, detail, party);
  }

  noteWithoutRequest(action: AuditAction, party: Party, detail: AuditEvent['detail']): Promise<void> {
    return this.deps.ledger.noteWithoutRequest(action, party, detail);
  }

  private async unblocksInLastDay(targetUserId: string): Promise<number> {
    const since = this.deps.now().getTime() - 24 * 3600_000;
    const earlier = await this.deps.requests.listForTarget(targetUserId, 50);
    return earlier.filter((r) => r.unblockedAt && Date.parse(r.unblockedAt) > since).length;
  }
}
