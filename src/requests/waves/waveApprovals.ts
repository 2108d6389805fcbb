// The batch approval of a phishing wave, as the bot hands it over: authorized here (the clicker's live
// approver membership, checked by the caller), audited, and queued as one 'approve' job that approves each
// clean member through the request lifecycle (waveJobs.ts). Also the wave as its cards show it.
import { type Actor, batchApprovable } from '../../runbook/index.js';
import type { JobQueue, RequestStore } from '../../store/index.js';
import type { RequestLedger } from '../ledger.js';
import { waveApproveJob } from './waveJobs.js';
import type { WaveView } from './waveNotifier.js';
import type { WaveRecords } from './waveRecords.js';
import { viewWave } from './waveView.js';

export type WaveApprovalResult =
  | { kind: 'queued'; wave: WaveView; count: number }
  | { kind: 'refused'; wave: WaveView }
  | { kind: 'not-found' };

export interface WaveApprovalsDeps {
  requests: RequestStore;
  jobs: JobQueue;
  ledger: RequestLedger;
  waves: WaveRecords;
  now: () => Date;
  /** Wakes the in-process worker after a job was queued. */
  poke: () => void;
}

export class WaveApprovals {
  constructor(private readonly deps: WaveApprovalsDeps) {}

  async view(waveId: string): Promise<WaveView | null> {
    return viewWave(this.deps.waves, this.deps.requests, waveId);
  }

  async approve(input: {
    waveId: string;
    clicker: Actor;
    conversationId: string;
    isApprover: boolean;
    /** Only these members (the per-account buttons); all clean ones when absent. */
    selected?: string[];
  }): Promise<WaveApprovalResult> {
    const wave = await this.view(input.waveId);
    if (!wave) return { kind: 'not-found' };
    const party = { actor: input.clicker, conversationId: input.conversationId };
    if (!input.isApprover) {
      await this.deps.ledger.noteWithoutRequest('access.refused', party, {
        waveId: wave.id,
        action: 'wave.approve',
      });
      return { kind: 'refused', wave };
    }
    const count = batchApprovable(wave.members, input.selected).length;
    await this.deps.ledger.noteWithoutRequest('wave.approved', party, {
      waveId: wave.id,
      count,
      selected: input.selected ? input.selected.length : null,
    });
    if (count > 0) {
      await this.deps.jobs.enqueue(
        waveApproveJob(wave.id, input.clicker, input.conversationId, input.selected, this.deps.now()),
      );
      this.deps.poke();
    }
    return { kind: 'queued', wave, count };
  }
}
