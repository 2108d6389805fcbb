// A wave's background work, as 'wave' jobs: each member's compromise check (then its request waits for the
// batch approval, or for its own decision when something was found), the cards (incident, batch
// approval, summary: planned into one delivery job per message, updates at most every few seconds), the
// batch approval (one unblock job per account, each paced after the previous one so Exchange Online is
// not throttled), and the monitor's look at every open wave (cards refreshed when a member changed, the
// summary once every member has ended). Job ids are idempotency keys, so nothing is sent or approved twice.
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  type Actor,
  batchApprovable,
  batchExclusion,
  isUnclaimedDetection,
  isWaveDone,
} from '../../runbook/index.js';
import type { JobQueue, NewJob, RequestStore } from '../../store/index.js';
import type { TenantGateway } from '../../tenant/index.js';
import { gatherEvidence } from '../evidence/gather.js';
import type { JobOutcome } from '../jobs.js';
import type { RequestLedger } from '../ledger.js';
import type { RequestLifecycle } from '../lifecycle.js';
import type { WaveDelivery, WaveMessage, WaveNotifier, WaveView } from './waveNotifier.js';
import type { WaveRecords } from './waveRecords.js';
import { viewOf, viewWave } from './waveView.js';

const actor = z.object({ aadObjectId: z.string(), name: z.string() });
const message = z.enum(['incident', 'batch', 'summary']);
const delivery = z.object({
  key: z.string(),
  action: z.enum(['post', 'update']),
  referenceKey: z.string(),
  activityId: z.string().optional(),
});

export const wavePayload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('evidence'), waveId: z.string(), requestId: z.string() }),
  z.object({ kind: z.literal('notify'), waveId: z.string(), message }),
  z.object({ kind: z.literal('deliver'), waveId: z.string(), message, delivery }),
  z.object({
    kind: z.literal('approve'),
    waveId: z.string(),
    approver: actor,
    conversationId: z.string(),
    selected: z.array(z.string()).max(1000).optional(),
  }),
]);
export type WavePayload = z.infer<typeof wavePayload>;

/** Card updates of one wave are gathered into one per this many milliseconds. */
const REFRESH_EVERY_MS = 5000;

export function waveEvidenceJob(waveId: string, requestId: string): NewJob {
  return {
    id: `wave:${waveId}:evidence:${requestId}`,
    type: 'wave',
    payload: { kind: 'evidence', waveId, requestId },
  };
}

/** The incident and batch cards of a wave, posted or updated once per refresh period. */
export function waveRefreshJobs(waveId: string, now: Date): NewJob[] {
  const slot = Math.floor(now.getTime() / REFRESH_EVERY_MS);
  const runAt = new Date((slot + 1) * REFRESH_EVERY_MS);
  return (['incident', 'batch'] as const).map((m) => ({
    id: `wave:${waveId}:${m}:${slot}`,
    type: 'wave',
    payload: { kind: 'notify', waveId, message: m },
    runAt,
  }));
}

export function waveSummaryJob(waveId: string): NewJob {
  return {
    id: `wave:${waveId}:summary`,
    type: 'wave',
    payload: { kind: 'notify', waveId, message: 'summary' },
  };
}

export function waveApproveJob(
  waveId: string,
  approver: Actor,
  conversationId: string,
  selected: string[] | undefined,
  now: Date,
): NewJob {
  // A double click within the same few seconds approves once; a later click approves what is clean then.
  const slot = Math.floor(now.getTime() / REFRESH_EVERY_MS);
  const which = selected ? selected.slice().sort().join(',') : 'clean';
  return {
    id: `wave:${waveId}:approve:${approver.aadObjectId}:${which}:${slot}`,
    type: 'wave',
    payload: { kind: 'approve', waveId, approver, conversationId, ...(selected ? { selected } : {}) },
  };
}

export interface WaveJobsDeps {
  requests: RequestStore;
  jobs: JobQueue;
  ledger: RequestLedger;
  lifecycle: RequestLifecycle;
  tenant: TenantGateway;
  waves: WaveRecords;
  notifier: WaveNotifier;
  logger: Logger;
  now: () => Date;
  /** WAVE_UNBLOCKS_PER_MIN: how fast batch-approved unblocks run, across every worker. */
  unblocksPerMinute: number;
}

export function createWaveJobs(deps: WaveJobsDeps) {
  const { logger, now } = deps;

  const view = (waveId: string): Promise<WaveView | null> => viewWave(deps.waves, deps.requests, waveId);

  async function enqueue(jobs: NewJob[]): Promise<void> {
    for (const job of jobs) await deps.jobs.enqueue(job);
  }

  /** A member's compromise check; then it waits for the batch, or for its own decision when flagged. */
  async function evidence(requestId: string, waveId: string): Promise<JobOutcome> {
    const request = await deps.requests.get(requestId);
    // Taken over by an agent (or ended) meanwhile: the runbook does its own check.
    if (request?.state !== 'open' || !isUnclaimedDetection(request)) return { kind: 'done' };
    const checks = await gatherEvidence(deps.tenant, request.target, logger, now());
    const flagged = batchExclusion({ ...request, checks }) !== null;
    const moved = await deps.ledger.move(
      request,
      'pending_approval',
      {
        actor: null,
        conversationId: null,
        // Clean accounts wait for the batch approval; flagged ones get their own approval card.
        event: flagged ? 'submitted' : null,
        detail: { waveId, flagged },
      },
      { checks, submittedAt: now().toISOString() },
    );
    if (!moved.ok) return { kind: 'retry', error: `request changed (${moved.reason})`, delayMs: 0 };
    await enqueue(waveRefreshJobs(waveId, now()));
    return { kind: 'done' };
  }

  async function plan(jobId: string, waveId: string, what: WaveMessage): Promise<JobOutcome> {
    const wave = await view(waveId);
    if (!wave) return { kind: 'failed', error: `wave ${waveId} not found` };
    for (const planned of await deps.notifier.plan(what, wave)) {
      // A card is posted once per place, whichever refresh planned it first; updates are per refresh.
      const id =
        planned.action === 'post' ? `wave:${waveId}:${what}:post:${planned.key}` : `${jobId}:${planned.key}`;
      await deps.jobs.enqueue({
        id,
        type: 'wave',
        payload: { kind: 'deliver', waveId, message: what, delivery: planned },
      });
    }
    return { kind: 'done' };
  }

  async function deliver(waveId: string, what: WaveMessage, planned: WaveDelivery): Promise<JobOutcome> {
    const wave = await view(waveId);
    if (!wave) return { kind: 'failed', error: `wave ${waveId} not found` };
    const result = await deps.notifier.deliver(what, wave, planned);
    if (result.ok) return { kind: 'done' };
    if (result.reason === 'throttled')
      return { kind: 'retry', error: 'throttled by Teams', delayMs: result.retryAfterMs };
    if (result.reason === 'transient') return { kind: 'retry', error: result.detail };
    logger.warn(
      { waveId, message: what, to: planned.referenceKey, detail: result.detail },
      'wave card not delivered',
    );
    return { kind: 'done' };
  }

  /**
   * The batch approval: every clean member (or the selected ones) approved by the approver who clicked,
   * each with its own unblock job, paced one after another at WAVE_UNBLOCKS_PER_MIN across batches.
   */
  async function approve(payload: Extract<WavePayload, { kind: 'approve' }>): Promise<JobOutcome> {
    const wave = await view(payload.waveId);
    if (!wave) return { kind: 'failed', error: `wave ${payload.waveId} not found` };
    const spacingMs = Math.ceil(60_000 / deps.unblocksPerMinute);
    let approved = 0;
    for (const member of batchApprovable(wave.members, payload.selected)) {
      // Reserve this unblock's slot first: a crash after it leaves a gap in the pacing, never a burst.
      const record = await deps.waves.update(payload.waveId, (w) => {
        const at = Math.max(now().getTime(), w.nextUnblockAt ? Date.parse(w.nextUnblockAt) : 0);
        return { ...w, nextUnblockAt: new Date(at + spacingMs).toISOString() };
      });
      const notBefore = new Date(Date.parse(record.nextUnblockAt ?? now().toISOString()) - spacingMs);
      const decided = await deps.lifecycle.decide({
        requestId: member.id,
        decision: 'approve',
        clicker: payload.approver,
        conversationId: payload.conversationId,
        comment: 'batch approval of a phishing wave',
        // Checked when the approver clicked (WaveApprovals); the request's own rules are checked again here.
        isApprover: true,
        notBefore,
      });
      // Stryker disable next-line all: equivalent, the count is only logged
      if (decided.kind === 'decided') approved += 1;
    }
    logger.info({ waveId: payload.waveId, approved }, 'wave batch approved');
    await enqueue(waveRefreshJobs(payload.waveId, now()));
    return { kind: 'done' };
  }

  return {
    async handle(jobId: string, raw: object): Promise<JobOutcome> {
      const parsed = wavePayload.safeParse(raw);
      if (!parsed.success) return { kind: 'failed', error: 'malformed wave payload' };
      const payload = parsed.data;
      switch (payload.kind) {
        case 'evidence':
          return evidence(payload.requestId, payload.waveId);
        case 'notify':
          return plan(jobId, payload.waveId, payload.message);
        case 'deliver':
          return deliver(payload.waveId, payload.message, payload.delivery);
        case 'approve':
          return approve(payload);
      }
    },

    /** Once per monitor cycle: refresh the cards of waves whose members changed; summarise finished ones. */
    async monitor(): Promise<void> {
      for (const record of await deps.waves.open()) {
        const wave = await viewOf(deps.requests, record);
        // Stryker disable next-line StringLiteral: equivalent, request ids are UUIDs: any separator keeps digests apart
        const digest = wave.members.map((m) => `${m.id}:${m.version}`).join(',');
        if (digest !== record.digest) {
          await deps.waves.update(record.id, (w) => ({ ...w, digest }));
          await enqueue(waveRefreshJobs(record.id, now()));
        }
        if (isWaveDone(wave.members)) {
          if (!record.summarizedAt) {
            await deps.jobs.enqueue(waveSummaryJob(record.id));
            await deps.waves.update(record.id, (w) => ({ ...w, summarizedAt: now().toISOString() }));
          }
          // Also after a crash between the two steps: an open wave is read again every cycle.
          await deps.waves.close(record.id);
        }
      }
    },
  };
}

export type WaveJobs = ReturnType<typeof createWaveJobs>;
