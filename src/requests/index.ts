// The request lifecycle: the application layer both adapters call. The bot starts, submits and decides
// requests through RequestLifecycle; the worker runs the lifecycle's jobs through createRequestJobs. Every
// use case commits its writes at once (ledger.ts), so no request is left half changed.

export { detectedRequestId } from './detection/episodeIds.js';
export type { RequestEvent } from './events.js';
export {
  type FindingActionResult,
  FindingActions,
  type FindingRefusal,
} from './evidence/findingActions.js';
export { gatherEvidence } from './evidence/gather.js';
export { detectJob, type JobOutcome, monitorJob, notifyJob, unblockJobId } from './jobs.js';
export { RequestLedger } from './ledger.js';
export { RequestLifecycle } from './lifecycle.js';
export { GroupMembership } from './membership.js';
export type { Delivery, DeliveryResult, Notifier } from './notifier.js';
export { createRequestJobs, type RequestJobs } from './requestJobs.js';
export { WaveApprovals } from './waves/waveApprovals.js';
export type { WaveDelivery, WaveMessage, WaveNotifier, WaveView } from './waves/waveNotifier.js';
export { WaveRecords } from './waves/waveRecords.js';
