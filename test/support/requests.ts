// Requests created straight in the store, for tests about the worker (no conversation needed).
import { strict as assert } from 'node:assert';
import { randomUUID } from 'node:crypto';
import { openRequest, type RequestState, transition, type UnblockRequest } from '../../src/runbook/index.js';
import { SEED } from '../../src/tenant/index.js';

/** A request for `address`, moved through `path` from open (each step a legal transition). */
export function requestThrough(
  address: string,
  path: RequestState[],
  changes: Partial<UnblockRequest> = {},
  conversationId = 'a:worker-test',
): UnblockRequest {
  let request = openRequest({
    id: randomUUID(),
    tenantId: SEED.tenantId,
    requester: { aadObjectId: SEED.users.agent.id, name: 'Megan Bowen' },
    conversationId,
    locale: 'en',
    target: {
      id: randomUUID(),
      displayName: address,
      userPrincipalName: address,
      mail: address,
      onPremisesSyncEnabled: false,
    },
    now: new Date(),
  });
  for (const to of path) {
    const next = transition(request, to, new Date(), changes);
    assert.ok(next.ok, `open → … → ${to}`);
    request = next.request;
  }
  return request;
}
