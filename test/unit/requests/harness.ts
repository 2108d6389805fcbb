// A request lifecycle on real parts for the use-case tests: SQLite in a temp folder, the tenant simulator
// over HTTP behind the live gateway, and a clock the test moves.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { claimDetected } from '../../../src/requests/detection/claim.js';
import {
  createRequestJobs,
  type RequestJobs,
  RequestLedger,
  RequestLifecycle,
} from '../../../src/requests/index.js';
import type { RequestJobsDeps } from '../../../src/requests/requestJobs.js';
import type { Actor, RequestState, UnblockRequest } from '../../../src/runbook/index.js';
import { openSqliteStore, type Store } from '../../../src/store/index.js';
import {
  createLiveTenantGateway,
  SEED,
  StaticTokenCredential,
  type TenantGateway,
  TenantSimulator,
} from '../../../src/tenant/index.js';
import { requestThrough } from '../../support/requests.js';

export const agent: Actor = { aadObjectId: SEED.users.agent.id, name: 'Megan Bowen' };
export const approver: Actor = { aadObjectId: SEED.users.approver.id, name: 'Patti Fernandez' };
export const otherApprover: Actor = {
  aadObjectId: 'b2b2b2b2-0000-4000-8000-000000000002',
  name: 'Nestor Wilke',
};

export interface Harness {
  store: Store;
  simulator: TenantSimulator;
  tenant: TenantGateway;
  ledger: RequestLedger;
  lifecycle: RequestLifecycle;
  logger: pino.Logger;
  clock: { now: Date };
  now: () => Date;
  /** Stores a request for `address` that went through `states` (as the use cases would have left it). */
  seed(address: string, states: RequestState[], changes?: Partial<UnblockRequest>): Promise<UnblockRequest>;
  /** Successful Remove-BlockedSenderAddress calls the simulator served. */
  removes(): number;
  close(): Promise<void>;
}

export async function openHarness(
  options: { allowSelfApproval?: boolean; unblockLimitPerDay?: number } = {},
): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-requests-'));
  const store = openSqliteStore({ dataDir });
  const simulator = new TenantSimulator({
    releaseDelayMs: 0,
    unblockLimitPerDay: options.unblockLimitPerDay,
  });
  await simulator.start();
  const logger = pino({ enabled: false });
  const tenant = createLiveTenantGateway({
    graphBaseUrl: simulator.graphBaseUrl,
    exoBaseUrl: simulator.exoBaseUrl,
    tenantId: SEED.tenantId,
    credential: new StaticTokenCredential('test'),
    logger,
  });
  const clock = { now: new Date('2026-12-01T10:00:00Z') };
  const now = () => clock.now;
  const ledger = new RequestLedger(store.requests, store.audit, now);
  const lifecycle = new RequestLifecycle({
    requests: store.requests,
    ledger,
    now,
    allowSelfApproval: options.allowSelfApproval ?? false,
  });
  return {
    store,
    simulator,
    tenant,
    ledger,
    lifecycle,
    logger,
    clock,
    now,
    async seed(address, states, changes = {}) {
      const request = requestThrough(address, states, changes);
      await store.requests.create(request);
      return request;
    },
    removes: () =>
      simulator.calls().filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress' && c.status < 300).length,
    async close() {
      await simulator.stop();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The worker's jobs on a harness, with a notifier that reaches nobody: these tests read the store. */
export function requestJobsOf(h: Harness, detection: RequestJobsDeps['detection'] = null): RequestJobs {
  const nobody = {
    plan: async () => [],
    deliver: async () => ({ ok: true as const }),
    fallbackFor: async () => null,
  };
  const hour = 3600_000;
  return createRequestJobs({
    store: h.store,
    ledger: h.ledger,
    lifecycle: h.lifecycle,
    tenant: h.tenant,
    notifier: nobody,
    waveNotifier: nobody,
    detection,
    logger: h.logger,
    now: h.now,
    approvals: { remindAfterMs: hour, expireAfterMs: 2 * hour },
    giveUpAfterMs: 24 * hour,
    stuckAfterMs: hour,
  });
}

/** Megan takes a detected request over, as typing "unblock <user>" does. */
export function agentTakesOver(h: Harness, request: UnblockRequest) {
  return claimDetected(h.ledger, request, { actor: agent, conversationId: 'a:megan' }, 'en', h.now());
}
