// Every write about a request goes through here, as one commit: the compare-and-set on its version, the
// audit entry that records it, and the jobs it implies (the notify job of its event, an unblock job). The
// store commits them together (RequestChange), so a crash leaves all of it or none of it.
import type { Actor, AuditAction, AuditEvent, RequestState, UnblockRequest } from '../runbook/index.js';
import { type RequestFacts, recordFacts, transition } from '../runbook/index.js';
import type { AuditLog, NewJob, RequestStore } from '../store/index.js';
import { eventForState, type RequestEvent } from './events.js';
import { notifyJob } from './jobs.js';

export type LedgerOutcome =
  | { ok: true; request: UnblockRequest }
  | {
      ok: false;
      reason: 'conflict' | 'invalid-transition' | 'not-found' | 'exists';
      current: UnblockRequest | null;
    };

/** Who did it and where, for the audit log. */
export interface Party {
  actor: Actor;
  conversationId: string;
}

export interface ChangeContext {
  actor: Actor | null;
  conversationId: string | null;
  detail?: AuditEvent['detail'];
  /** Who must hear about it; default: the event of the new state; null = nobody. */
  event?: RequestEvent | null;
  action?: AuditAction;
  /** Further jobs the change implies (the unblock job of an approval). */
  jobs?: NewJob[];
}

type Changes = Partial<Omit<UnblockRequest, 'id' | 'version' | 'state'>>;

export class RequestLedger {
  constructor(
    private readonly requests: RequestStore,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
    /** Told after a commit that queued jobs (wakes the in-process worker). */
    private readonly onJobsQueued: () => void = () => {},
  ) {}

  /** Stores a new request with its "created" entry. */
  async create(request: UnblockRequest, context: ChangeContext): Promise<LedgerOutcome> {
    return this.commit(null, request, { action: 'request.created', event: null, ...context });
  }

  /** Moves `request` to `to` if nobody changed it since it was read. */
  async move(
    request: UnblockRequest,
    to: RequestState,
    context: ChangeContext,
    changes: Changes = {},
  ): Promise<LedgerOutcome> {
    const next = transition(request, to, this.now(), changes);
    if (!next.ok) return { ok: false, reason: 'invalid-transition', current: request };
    return this.commit(request, next.request, { event: eventForState[to] ?? null, ...context });
  }

  /** Writes a change that keeps the state (a reminder sent, a finding recorded). */
  async amend(request: UnblockRequest, facts: RequestFacts, context: ChangeContext): Promise<LedgerOutcome> {
    return this.commit(request, recordFacts(request, facts, this.now()), context);
  }

  /** An audit entry without a change (e.g. "about to call Remove-BlockedSenderAddress"). */
  async note(
    request: UnblockRequest,
    action: AuditAction,
    detail: AuditEvent['detail'] = {},
    party: Party | null = null,
  ): Promise<void> {
    await this.audit.append(
      this.entry(request.id, action, party?.actor ?? null, party?.conversationId ?? null, detail, {
        from: request.state,
        to: request.state,
      }),
    );
  }

  /** An audit entry about no request in particular (a refused command, a setting changed). */
  async noteWithoutRequest(action: AuditAction, party: Party, detail: AuditEvent['detail']): Promise<void> {
    await this.audit.append(this.entry(null, action, party.actor, party.conversationId, detail, null));
  }

  private async commit(
    before: UnblockRequest | null,
    after: UnblockRequest,
    context: ChangeContext,
  ): Promise<LedgerOutcome> {
    // Stryker disable next-line ConditionalExpression: equivalent, an undefined event queues no job either
    const event = context.event === undefined ? null : context.event;
    const jobs = [...(event ? [notifyJob(after, event)] : []), ...(context.jobs ?? [])];
    const audit = this.entry(
      after.id,
      context.action ?? 'request.transition',
      context.actor,
      context.conversationId,
      context.detail ?? {},
      { from: before?.state ?? null, to: after.state },
    );
    const outcome = await this.requests.commit({
      request: after,
      expectedVersion: before ? before.version : null,
      audit: [audit],
      jobs,
    });
    if (!outcome.ok) {
      return {
        ok: false,
        reason: outcome.reason,
        current: outcome.reason === 'conflict' ? outcome.current : null,
      };
    }
    if (jobs.length > 0) this.onJobsQueued();
    return { ok: true, request: outcome.request };
  }

  private entry(
    requestId: string | null,
    action: AuditAction,
    actor: Actor | null,
    conversationId: string | null,
    detail: AuditEvent['detail'],
    states: { from: RequestState | null; to: RequestState | null } | null,
  ): AuditEvent {
    return {
      requestId,
      at: this.now().toISOString(),
      actor,
      action,
      fromState: states?.from ?? null,
      toState: states?.to ?? null,
      conversationId,
      detail,
    };
  }
}
