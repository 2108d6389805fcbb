// A phishing wave's record: its members (request ids, in the order they joined), when it started, when the
// next paced unblock may run, what its cards last showed, and whether its summary went out. Kept in the
// store's key-value state (StateStore: eTag compare-and-set, on every store implementation), so no new
// store port is needed; every change is a read-modify-write retried on a conflict.
import { randomUUID } from 'node:crypto';
import { WAVE_WINDOW_MS } from '../../runbook/index.js';
import { StateConflictError, type StateItem, type StateStore } from '../../store/index.js';

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
    return this.records(idsOf(await this.readOpenList()));
  }

  /** The open wave accounts join now (its last member joined within the hour), if there is one. */
  async joinable(now: Date): Promise<WaveRecord | null> {
    return latestJoinable(await this.open(), now);
  }

  /**
   * The joinable wave, or a new one. Listing the new wave is a compare-and-set on the open list as it was
   * when no joinable wave was found (create-if-absent for the very first), so of two processes starting a
   * wave at the same moment one lists its wave and the other joins it.
   */
  async joinOrStart(now: Date): Promise<WaveRecord> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const list = await this.readOpenList();
      const existing = latestJoinable(await this.records(idsOf(list)), now);
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
      if (await this.writeOpenList(list, [...idsOf(list), record.id])) return record;
      // Another process changed the list first: its wave may be the one to join. Ours was never listed.
      await this.state.delete([waveKey(record.id)]);
    }
    throw new StateConflictError('the open waves kept changing');
  }

  /** Adds the requests not in the wave yet; only a new member keeps the wave joinable for another hour. */
  async addMembers(id: string, requestIds: string[], now: Date): Promise<WaveRecord> {
    return this.update(id, (w) => {
      const added = [...new Set(requestIds)].filter((r) => !w.members.includes(r));
      return added.length === 0
        ? w
        : { ...w, members: [...w.members, ...added], lastJoinedAt: now.toISOString() };
    });
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

  /** Takes a wave off the open list (its summary went out); throws when the list keeps changing. */
  async close(id: string): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const list = await this.readOpenList();
      const others = idsOf(list).filter((i) => i !== id);
      if (await this.writeOpenList(list, others)) return;
    }
    throw new StateConflictError('the open waves kept changing');
  }

  async firstCycleDone(): Promise<boolean> {
    return Boolean((await this.state.read([FIRST_CYCLE]))[FIRST_CYCLE]);
  }

  async markFirstCycleDone(at: Date): Promise<void> {
    // Stryker disable next-line ObjectLiteral: equivalent, readers ask only whether the record exists
    await this.state.write({ [FIRST_CYCLE]: { value: { at: at.toISOString() } } });
  }

  private async readOpenList(): Promise<StateItem | undefined> {
    return (await this.state.read([OPEN_WAVES]))[OPEN_WAVES];
  }

  /** Writes the open list if it is still `read` (absent: only if still absent); false when it changed. */
  private async writeOpenList(read: StateItem | undefined, ids: string[]): Promise<boolean> {
    if (!read) return this.state.writeIfAbsent(OPEN_WAVES, { ids });
    try {
      await this.state.write({ [OPEN_WAVES]: { value: { ids }, eTag: read.eTag } });
      return true;
    } catch (error) {
      if (error instanceof StateConflictError) return false;
      throw error;
    }
  }

  private async records(ids: string[]): Promise<WaveRecord[]> {
    const records = await Promise.all(ids.map((id) => this.get(id)));
    // Stryker disable next-line ConditionalExpression: equivalent, a wave is listed only after its record is written, and a listed record is never deleted
    return records.filter((r): r is WaveRecord => r !== null);
  }
}

const idsOf = (list: StateItem | undefined): string[] =>
  (list?.value as { ids?: string[] } | undefined)?.ids ?? [];

/** Of the waves not summarised yet, the one joined last, if that was within the hour. */
function latestJoinable(waves: WaveRecord[], now: Date): WaveRecord | null {
  const recent = waves.filter(
    (w) => !w.summarizedAt && now.getTime() - Date.parse(w.lastJoinedAt) <= WAVE_WINDOW_MS,
  );
  return recent.sort((a, b) => b.lastJoinedAt.localeCompare(a.lastJoinedAt))[0] ?? null;
}
