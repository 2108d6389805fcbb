// The request lifecycle: the application layer both adapters call. The bot starts, submits and decides
// requests through RequestLifecycle; the worker runs the lifecycle's jobs through createRequestJobs. Every
// use case commits its writes at once (ledger.ts), so no request is left half changed.
export type { RequestEvent } from './events.js';
export { type JobOutcome, monitorJob, notifyJob, unblockJobId } from './jobs.js';
export { RequestLedger } from './ledger.js';
export { RequestLifecycle } from './lifecycle.js';
export { GroupMembership } from './membership.js';
export type { Delivery, DeliveryResult, Notifier } from './notifier.js';
export { createRequestJobs, type RequestJobs } from './requestJobs.js';
