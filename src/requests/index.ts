// The request lifecycle: the application layer both adapters call. The bot starts, submits and decides
// requests through RequestLifecycle; the worker runs the lifecycle's jobs through createRequestJobs. Every
// use case commits its writes at once (ledger.ts), so no request is left half changed.
export { type RequestEvent, requestEvents } from './events.js';
export { type JobOutcome, monitorJob, notifyJob, unblockJobId } from './jobs.js';
export { type LedgerOutcome, type Party, RequestLedger } from './ledger.js';
export { type DecisionInput, type DecisionResult, RequestLifecycle, type StartResult } from './lifecycle.js';
export { GroupMembership, type GroupMembershipDeps } from './membership.js';
export type { Delivery, DeliveryResult, Notifier } from './notifier.js';
export { createRequestJobs, type RequestJobs } from './requestJobs.js';
export type { ResumeCycle } from './resumeMonitor.js';
