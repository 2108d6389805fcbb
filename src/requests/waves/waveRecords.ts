// A phishing wave's record: its members (request ids, in the order they joined), when it started, when the
// next paced unblock may run, what its cards last showed, and whether its summary went out. Kept in the
// store's key-value state (StateStore: eTag compare-and-set, on every store implementation), so no new
// store port is needed; every change is a read-modify-write retried on a conflict.
import { randomUUID } from 'node:crypto';
import { WAVE_WINDOW_MS } from '../../runbook/index.js';
import { StateConflictError, type StateStore } from '../../store/index.js';

export interface WaveRecord {
  id: string;
  startedAt: string;
  lastJoinedAt: string;
  members: string[];
  /** The earliest time the next batch-approved unblock may run (pacing across batches). */
  nextUnblockAt: string | null;
  /** The members' states when the cards were last refreshed: a change schedules a refresh. */
  digest: string | null;
  summarizedAt: string | null;
}

const OPEN_WAVES = 'waves:open';
const FIRST_CYCLE = 'detection:first-cycle-done';
const waveKey = (id: string) => `wave:${id}`;
const MAX_ATTEMPTS = 10;

export class WaveRecords {
  constructor(private readonly state: StateStore) {}

  async get(id: string): Promise<WaveRecord | null> {
    const item = (await this.state.read([waveKey(id)]))[waveKey(id)];
    return item ? (item.value as WaveRecord) : null;
  }

  /** Waves whose summary has not gone out yet. */
  async open(): Promise<WaveRecord[]> {
    const ids = ((await this.state.read([OPEN_WAVES]))[OPEN_WAVES]?.value as { ids?: string[] } | undefined)
      ?.ids;
    const records = await Promise.all((ids ?? []).map((id) => this.get(id)));
    return records.filter((r): r is WaveRecord => r !== null);
  }

  /** The open wave accounts join now (its last member joined within the hour), if there is one. */
  async joinable(now: Date): Promise<WaveRecord | null> {
    const recent = (await this.open()).filter(
      (w) => !w.summarizedAt && now.getTime() - Date.parse(w.lastJoinedAt) <= WAVE_WINDOW_MS,
    );
    return recent.sort((a, b) => b.lastJoinedAt.localeCompare(a.lastJoinedAt))[0] ?? null;
  }

  /** The joinable wave, or a new one (added to the open list with a compare-and-set). */
  async joinOrStart(now: Date): Promise<WaveRecord> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const existing = await this.joinable(now);
      if (existing) return existing;
      const record: WaveRecord = {
        id: randomUUID(),
        startedAt: now.toISOString(),
        lastJoinedAt: now.toISOString(),
        members: [],
        nextUnblockAt: null,
        digest: null,
        summarizedAt: null,
      };
      await this.state.write({ [waveKey(record.id)]: { value: record } });
      const listed = await this.changeOpenList((ids) => [...ids, record.id]);
      if (listed) return record;
    }
    throw new StateConflictError('the open waves kept changing');
  }

  async addMembers(id: string, requestIds: string[], now: Date): Promise<WaveRecord> {
    return this.update(id, (w) => ({
      ...w,
      members: [...w.members, ...requestIds.filter((r) => !w.members.includes(r))],
      lastJoinedAt: now.toISOString(),
    }));
  }

  /** Read-modify-write of a wave record, retried on a concurrent change. */
  async update(id: string, change: (record: WaveRecord) => WaveRecord): Promise<WaveRecord> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const item = (await this.state.read([waveKey(id)]))[waveKey(id)];
      if (!item) throw new Error(`wave ${id} not found`);
      const next = change(item.value as WaveRecord);
      try {
        await this.state.write({ [waveKey(id)]: { value: next, eTag: item.eTag } });
        return next;
      } catch (error) {
        if (!(error instanceof StateConflictError)) throw error;
      }
    }
    throw new StateConflictError(`wave ${id} kept changing`);
  }

  /** Takes a wave off the open list (its summary went out). */
  async close(id: string): Promise<void> {
    await this.changeOpenList((ids) => ids.filter((i) => i !== id));
  }

  async firstCycleDone(): Promise<boolean> {
    return Boolean((await this.state.read([FIRST_CYCLE]))[FIRST_CYCLE]);
  }

  async markFirstCycleDone(at: Date): Promise<void> {
    await this.state.write({ [FIRST_CYCLE]: { value: { at: at.toISOString() } } });
  }

  private async changeOpenList(change: (ids: string[]) => string[]): Promise<boolean> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const item = (await this.state.read([OPEN_WAVES]))[OPEN_WAVES];
      const ids = (item?.value as { ids?: string[] } | undefined)?.ids ?? [];
      try {
        // The first write of the list has no eTag to check: two first waves at the same instant is the one
        // race left (detection jobs do not overlap: one per period, leased).
        await this.state.write({
          [OPEN_WAVES]: { value: { ids: change(ids) }, ...(item ? { eTag: item.eTag } : {}) },
        });
        return true;
      } catch (error) {
        if (!(error instanceof StateConflictError)) throw error;
      }
    }
    return false;
  }
}
