// Builds stored unblock requests in a given state, walking the real state machine (as
// test/integration/worker/worker.test.ts does), for seeding the store before a measurement.
import { randomUUID } from 'node:crypto';
import { openRequest, transition, type UnblockRequest } from '../src/runbook/index.js';
import { SEED } from '../src/tenant/index.js';

const pathTo = {
  pending_approval: ['pending_approval'],
  waiting_resume: ['pending_approval', 'approved', 'unblocking', 'waiting_resume'],
  resumed: ['pending_approval', 'approved', 'unblocking', 'waiting_resume', 'resumed'],
  rejected: ['pending_approval', 'rejected'],
} as const;

export interface RequestSpec {
  state: keyof typeof pathTo;
  address: string;
  conversationId: string;
  requester?: { aadObjectId: string; name: string };
  at?: Date;
}

export function requestIn(spec: RequestSpec): UnblockRequest {
  const at = spec.at ?? new Date();
  let request = openRequest({
    id: randomUUID(),
    tenantId: SEED.tenantId,
    requester: spec.requester ?? { aadObjectId: SEED.users.agent.id, name: 'Megan Bowen' },
    conversationId: spec.conversationId,
    locale: 'en',
    target: {
      id: randomUUID(),
      displayName: spec.address,
      userPrincipalName: spec.address,
      mail: spec.address,
      onPremisesSyncEnabled: false,
    },
    now: at,
  });
  for (const to of pathTo[spec.state]) {
    const next = transition(request, to, at, {
      unblockedAt: at.toISOString(),
      ...(to === 'resumed' ? { resumedAt: at.toISOString() } : {}),
    });
    if (!next.ok) throw new Error(`cannot move a request to ${to}`);
    request = next.request;
  }
  return request;
}
