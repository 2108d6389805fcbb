// The things that happen to a request that people must hear about, and which state change raises which.
// Who hears each one (approvers, the agent, every card already sent) is the Notifier's plan (notifier.ts).
import type { RequestState } from '../runbook/index.js';

export const requestEvents = [
  'submitted',
  'reminder',
  'approved',
  'rejected',
  'unblocked',
  'resumed',
  'failed',
  'expired',
  'cancelled',
] as const;
export type RequestEvent = (typeof requestEvents)[number];

/** The event a move into each state raises; states missing here (open, unblocking) raise none. */
export const eventForState: Partial<Record<RequestState, RequestEvent>> = {
  pending_approval: 'submitted',
  approved: 'approved',
  rejected: 'rejected',
  waiting_resume: 'unblocked',
  resumed: 'resumed',
  failed: 'failed',
  expired: 'expired',
  cancelled: 'cancelled',
};
