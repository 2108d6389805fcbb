// Proactive fan-out under Teams' rate limits, through the real notifier and worker: requests whose agents sit
// in stored conversations are announced as resumed, the in-process worker drains the notify jobs, and a
// connector that enforces the limits (429 + Retry-After) counts what arrives.
import { performance } from 'node:perf_hooks';
import { conversationKey, type StoredReference } from '../src/bot/conversationKeys.js';
import { notifyJob } from '../src/requests/index.js';
import { SEED } from '../src/tenant/index.js';
import { startTestApp } from '../test/support/testApp.js';
import { RateLimitedConnector, rateLimitMinimumMs } from './rateLimitedConnector.js';
import { requestIn } from './requests.js';

export interface FanoutResult {
  notifications: number;
  conversations: number;
  minimumMs: number;
  /** Worker start → last notification accepted by the connector. */
  tookMs: number;
  ratio: number;
  arrivedOnce: number;
  lost: number;
  duplicated: number;
  throttled: number;
  failedJobs: number;
  /** Accepted notifications in each second after the worker started. */
  arrivalsPerSecond: number[];
}

function referenceFor(conversationId: string, serviceUrl: string, index: number): StoredReference {
  return {
    reference: {
      user: { id: `29:fanout-agent-${index}`, name: `Agent ${index}`, aadObjectId: SEED.users.agent.id },
      bot: { id: '28:bot-id', name: 'Unblock assistant' },
      conversation: {
        id: conversationId,
        name: '',
        conversationType: 'personal',
        tenantId: SEED.tenantId,
        isGroup: false,
      },
      channelId: 'msteams',
      locale: 'en-US',
      serviceUrl,
    },
    language: 'en',
  };
}

function perSecond(offsetsMs: number[]): number[] {
  const counts: number[] = [];
  for (const ms of offsetsMs) {
    const second = Math.floor(ms / 1000);
    while (counts.length <= second) counts.push(0);
    counts[second] = (counts[second] ?? 0) + 1;
  }
  return counts;
}

export async function measureFanout(notifications: number, conversations: number): Promise<FanoutResult> {
  const connector = new RateLimitedConnector();
  await connector.start();
  const t = await startTestApp({ LOG_LEVEL: 'warn', RESUME_POLL_INTERVAL_S: '3600' });
  try {
    const { store, worker } = t.app;
    if (!worker) throw new Error('the bench needs the in-process worker');
    await worker.stop();
    const conversationIds = Array.from({ length: conversations }, (_, i) => `a:1fanout${i}`);
    for (const [i, id] of conversationIds.entries()) {
      // As UnblockBot.rememberConversation files them.
      await store.conversations.saveReference(conversationKey(id), referenceFor(id, connector.url, i));
    }
    const addresses: string[] = [];
    for (let i = 0; i < notifications; i++) {
      const address = `fanout${String(i).padStart(5, '0')}@contoso.com`;
      addresses.push(address);
      const request = requestIn({
        state: 'resumed',
        address,
        conversationId: conversationIds[i % conversations] ?? '',
      });
      // As the lifecycle commits a move to resumed: the request with its notify job.
      await store.requests.commit({
        request,
        expectedVersion: null,
        audit: [],
        jobs: [notifyJob(request, 'resumed')],
      });
    }

    const started = performance.now();
    worker.start();
    const deadline = started + 180_000;
    // Done when every notification arrived and no job is left to run (a late duplicate would show).
    for (;;) {
      const counts = await store.jobs.counts();
      if (connector.accepted.length >= notifications && counts.queued === 0 && counts.running === 0) break;
      if (performance.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const last = connector.accepted.reduce((max, a) => Math.max(max, a.at), started);
    const tookMs = last - started;

    const perAddress = new Map<string, number>();
    for (const { body } of connector.accepted) {
      const address = /fanout\d{5}@contoso\.com/.exec(body)?.[0];
      if (address) perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    }
    const arrivedOnce = addresses.filter((a) => perAddress.get(a) === 1).length;
    const lost = addresses.filter((a) => !perAddress.has(a)).length;
    const duplicated = addresses.filter((a) => (perAddress.get(a) ?? 0) > 1).length;
    const minimumMs = rateLimitMinimumMs(conversations, notifications / conversations);
    return {
      notifications,
      conversations,
      minimumMs,
      tookMs,
      ratio: tookMs / minimumMs,
      arrivedOnce,
      lost,
      duplicated,
      throttled: connector.throttled,
      failedJobs: (await store.jobs.counts()).failed,
      arrivalsPerSecond: perSecond(connector.accepted.map((a) => a.at - started)),
    };
  } finally {
    await t.stop();
    await connector.stop();
  }
}
