// A wave as its cards show it: the record's id and start, and its members' requests as they are stored now.
import type { UnblockRequest } from '../../runbook/index.js';
import type { RequestStore } from '../../store/index.js';
import type { WaveView } from './waveNotifier.js';
import type { WaveRecord, WaveRecords } from './waveRecords.js';

export async function viewWave(
  waves: WaveRecords,
  requests: Pick<RequestStore, 'get'>,
  waveId: string,
): Promise<WaveView | null> {
  const record = await waves.get(waveId);
  return record ? viewOf(requests, record) : null;
}

/** The view of a wave record already read. */
export async function viewOf(requests: Pick<RequestStore, 'get'>, record: WaveRecord): Promise<WaveView> {
  const members = await Promise.all(record.members.map((id) => requests.get(id)));
  return {
    id: record.id,
    startedAt: record.startedAt,
    // A member whose request cannot be read is left out rather than shown as an empty row.
    members: members.filter((m): m is UnblockRequest => m !== null),
  };
}
