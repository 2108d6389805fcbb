// Every change to a request goes through here: a compare-and-set on its version, an audit entry, and a
// durable notify job so people hear about it even if the process dies right after.
import type { Actor, AuditAction, AuditEvent, RequestState, UnblockRequest } from '../runbook/index.js';
import { type RequestFacts, recordFacts, transition } from '../runbook/index.js';
import type { AuditLog, JobQueue, RequestStore } from '../store/index.js';
import type { RequestEvent } from './ports.js';

export type LedgerOutcome =
  | { ok: true; request: UnblockRequest }
  | { ok: false; reason: 'conflict' | 'invalid-transition' | 'not-found'; current: UnblockRequest | null };

export interface ChangeContext {
  actor: Actor | null;
  conversationId: string | null;
  detail?: AuditEvent['detail'];
  /** Who must hear about it; null = nobody. */
  event?: RequestEvent | null;
  action?: AuditAction;
}

const eventFor: Partial<Record<RequestState, RequestEvent>> = {
  pending_approval: 'submitted',
  approved: 'approved',
  rejected: 'rejected',
  waiting_resume: 'unblocked',
  resumed: 'resumed',
  failed: 'failed',
  expired: 'expired',
  cancelled: 'cancelled',
};

export class RequestLedger {
  constructor(
    private readonly requests: RequestStore,
    private readonly audit: AuditLog,
    private readonly jobs: JobQueue,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Moves `request` to `to` if nobody changed it since it was read. */
  async move(
    request: UnblockRequest,
    to: RequestState,
    context: ChangeContext,
    changes: Partial<Omit<UnblockRequest, 'id' | 'version' | 'state'>> = {},
  ): Promise<LedgerOutcome> {
    const next = transition(request, to, this.now(), changes);
    if (!next.ok) return { ok: false, reason: 'invalid-transition', current: request };
    return this.write(request, next.request, { event: eventFor[to] ?? null, ...context });
  }

  /** Writes a change that keeps the state (a reminder sent, a finding recorded). */
  async amend(request: UnblockRequest, facts: RequestFacts, context: ChangeContext): Promise<LedgerOutcome> {
    return this.write(request, recordFacts(request, facts, this.now()), context);
  }

  /** An audit entry without a change (e.g. "about to call Remove-BlockedSenderAddress"). */
  async note(
    request: UnblockRequest,
    action: AuditAction,
    detail: AuditEvent['detail'] = {},
    actor: Actor | null = null,
    conversationId: string | null = null,
  ): Promise<void> {
    await this.audit.append({
      requestId: request.id,
      at: this.now().toISOString(),
      actor,
      action,
      fromState: request.state,
      toState: request.state,
      conversationId,
      detail,
    });
  }

  /** An audit entry about no request in particular (a refused command, a setting changed). */
  async noteWithoutRequest(
    action: AuditAction,
    party: { actor: Actor; conversationId: string },
    detail: AuditEvent['detail'],
  ): Promise<void> {
    await this.audit.append({
      requestId: null,
      at: this.now().toISOString(),
      actor: party.actor,
      action,
      fromState: null,
      toState: null,
      conversationId: party.conversationId,
      detail,
    });
  }

  /** Queues the notify job of an event; idempotent per request version. */
  async announce(request: UnblockRequest, event: RequestEvent): Promise<void> {
    await this.jobs.enqueue({
      id: `notify:${request.id}:${event}:${request.version}`,
      type: 'notify',
      payload: { requestId: request.id, event },
    });
  }

  private async write(
    before: UnblockRequest,
    after: UnblockRequest,
    context: ChangeContext,
  ): Promise<LedgerOutcome> {
    const outcome = await this.requests.update(after, before.version);
    if (!outcome.ok) {
      return {
        ok: false,
        reason: outcome.reason,
        current: outcome.reason === 'conflict' ? outcome.current : null,
      };
    }
    await this.audit.append({
      requestId: after.id,
      at: this.now().toISOString(),
      actor: context.actor,
      action: context.action ?? 'request.transition',
      fromState: before.state,
      toState: after.state,
      conversationId: context.conversationId,
      detail: context.detail ?? {},
    });
    if (context.event) await this.announce(outcome.request, context.event);
    return { ok: true, request: outcome.request };
  }
}
