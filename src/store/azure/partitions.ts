// Where a request's rows live: one partition of the requests table per request holds the request, its
// audit entries, its outbox rows and the cards sent about it, so one entity-group transaction covers a
// whole use case.
import { escapeKey } from './keys.js';

export function requestPartition(requestId: string): string {
  return `req|${escapeKey(requestId)}`;
}

export const REQUEST_ROW = 'request';
