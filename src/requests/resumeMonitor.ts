// Watches unblocked requests until the user can send again. One Get-BlockedSenderAddress call per cycle
// covers every waiting request; a user off the list is confirmed with the message trace (a delivered
// message since the unblock) where the tenant allows it, within Graph's 100-calls-per-5-minutes budget.
import type { Logger } from 'pino';
import { senderAddressOf, TenantError, type UnblockRequest } from '../runbook/index.js';
import type { RequestStore } from '../store/index.js';
import { MessageTraceBudget, type TenantGateway, type TraceWindow, traceWindow } from '../tenant/index.js';
import type { RequestLedger } from './ledger.js';

export interface ResumeMonitorDeps {
  requests: RequestStore;
  ledger: RequestLedger;
  tenant: TenantGateway;
  logger: Logger;
  now: () => Date;
  giveUpAfterMs: number;
  /** Message-trace calls per cycle at most; the budget below bounds every 5 minutes. */
  traceCallsPerCycle?: number;
  /** Graph's message-trace limits: calls per 5 minutes, back-off on 429 (src/tenant/messageTraceBudget.ts). */
  traceBudget?: MessageTraceBudget;
}

export interface ResumeCycle {
  waiting: number;
  listCalls: number;
  traceCalls: number;
  resumed: number;
  gaveUp: number;
}

function addressOf(request: UnblockRequest): string {
  return senderAddressOf(request).toLowerCase();
}

export class ResumeMonitor {
  /** Cleared when the tenant refuses message trace (no permission, or not in this cloud). */
  private traceAvailable = true;

  /** When each waiting request last had its message trace read: the budget goes to the longest-waiting. */
  private readonly lastTraced = new Map<string, number>();

  private readonly traceBudget: MessageTraceBudget;

  constructor(private readonly deps: ResumeMonitorDeps) {
    this.traceBudget = deps.traceBudget ?? new MessageTraceBudget({ now: () => deps.now().getTime() });
  }

  /** This cycle's share of the message-trace budget: never-checked requests first, then the least recent. */
  private traceTurn(offList: UnblockRequest[]): string[] {
    const budget = Math.min(this.deps.traceCallsPerCycle ?? 20, this.traceBudget.available());
    return offList
      .map((r) => ({ id: r.id, last: this.lastTraced.get(r.id) ?? -1 }))
      .sort((a, b) => a.last - b.last)
      .slice(0, budget)
      .map((r) => r.id);
  }

  async cycle(): Promise<ResumeCycle> {
    const result: ResumeCycle = { waiting: 0, listCalls: 0, traceCalls: 0, resumed: 0, gaveUp: 0 };
    const waiting = await this.deps.requests.listByState('waiting_resume', 100_000);
    result.waiting = waiting.length;
    if (waiting.length === 0) return result;
    result.listCalls = 1;
    const now = this.deps.now();
    let restricted: Set<string>;
    try {
      restricted = new Set(
        (await this.deps.tenant.listRestrictedSenders()).map((r) => r.senderAddress.toLowerCase()),
      );
    } catch (error) {
      // Exchange is down: nobody can be confirmed, but nobody may wait past the give-up time either.
      for (const request of waiting) if (await this.giveUpIfDue(request, now)) result.gaveUp += 1;
      throw error;
    }
    const offList = waiting.filter((r) => !restricted.has(addressOf(r)));
    const toTrace = new Set(this.traceTurn(offList));
    for (const request of waiting) {
      const sinceUnblock = now.getTime() - Date.parse(request.unblockedAt ?? request.updatedAt);
      let canSend = false;
      if (!restricted.has(addressOf(request))) {
        if (!this.traceAvailable) canSend = true;
        else if (toTrace.has(request.id)) {
          // Graph's limits: a window of at most 10 days ending before now, and the tenant's shared budget.
          const window = traceWindow(new Date(Date.parse(request.unblockedAt ?? request.updatedAt)), now);
          if (window && this.traceBudget.take()) {
            result.traceCalls += 1;
            this.lastTraced.set(request.id, now.getTime());
            canSend = await this.deliveredSince(request, window);
          }
        }
      }
      if (canSend) {
        const moved = await this.deps.ledger.move(
          request,
          'resumed',
          {
            actor: null,
            conversationId: null,
            detail: { confirmedBy: this.traceAvailable ? 'message-trace' : 'restricted-list' },
          },
          { resumedAt: now.toISOString() },
        );
        if (moved.ok) result.resumed += 1;
      } else if (await this.giveUpIfDue(request, now)) {
        result.gaveUp += 1;
      }
      if (canSend || sinceUnblock >= this.deps.giveUpAfterMs) this.lastTraced.delete(request.id);
    }
    this.deps.logger.debug(result, 'resume monitor cycle');
    return result;
  }

  /** Ends a request that has waited longer than RESUME_GIVE_UP_AFTER_H (failed: resume-timeout). */
  private async giveUpIfDue(request: UnblockRequest, now: Date): Promise<boolean> {
    const sinceUnblock = now.getTime() - Date.parse(request.unblockedAt ?? request.updatedAt);
    if (sinceUnblock < this.deps.giveUpAfterMs) return false;
    const moved = await this.deps.ledger.move(
      request,
      'failed',
      { actor: null, conversationId: null, detail: { failure: 'resume-timeout' } },
      { failure: 'resume-timeout' },
    );
    return moved.ok;
  }

  private async deliveredSince(request: UnblockRequest, window: TraceWindow): Promise<boolean> {
    try {
      const trace = await this.deps.tenant.listMessageTrace(addressOf(request), window.from, window.to);
      return trace.some((entry) => entry.status.toLowerCase() === 'delivered');
    } catch (error) {
      if (this.traceBudget.backsOffFor(error)) {
        this.deps.logger.warn('message trace throttled: no trace call until Graph allows it again');
        return false;
      }
      if (error instanceof TenantError && (error.code === 'Forbidden' || error.code === 'Unauthorized')) {
        // Without ExchangeMessageTrace.Read.All the list alone decides (docs/setup.md says how to grant it).
        this.deps.logger.warn(
          'message trace is not available in this tenant: the Restricted list alone decides',
        );
        this.traceAvailable = false;
        return true;
      }
      this.deps.logger.warn(
        { err: error, requestId: request.id },
        'message trace failed; will retry next cycle',
      );
      return false;
    }
  }
}
