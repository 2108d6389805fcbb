// The cost of a phishing wave: 500 accounts restricted at once, from the restriction to every account
// unblocked, in-process against the simulated tenant (calls counted in its call log) and a fake Teams
// connector (messages counted). The unblocks are paced at WAVE_UNBLOCKS_PER_MIN, which stands for Exchange
// Online's budget: the minimum time is (accounts − 1) × the pacing interval, and the run is compared with it.
import { performance } from 'node:perf_hooks';
import { createCardSigner, loadCardSigningKey, waveActionParts } from '../src/bot/cardSigning.js';
import type { UnblockRequest } from '../src/runbook/index.js';
import { people, startTestApp } from '../test/support/testApp.js';

export interface WaveCostResult {
  accounts: number;
  unblocksPerMinute: number;
  /** Restriction → every account checked and waiting for the batch approval. */
  checkedS: number;
  /** Batch approval → every account unblocked (off the Restricted list). */
  unblockedS: number;
  /** (accounts − 1) × the pacing interval: what the pacing allows at best. */
  minimumS: number;
  exchangeCalls: Record<string, number>;
  graphCalls: number;
  teamsPosts: number;
  teamsUpdates: number;
  removesPerAccount: { min: number; max: number };
}

export async function measureWave(accounts: number, unblocksPerMinute: number): Promise<WaveCostResult> {
  const t = await startTestApp({
    LOG_LEVEL: 'warn',
    DETECTION: 'on',
    DETECTION_POLL_INTERVAL_S: '1',
    RESUME_POLL_INTERVAL_S: '1',
    WORKER_POLL_INTERVAL_MS: '10',
    SIMULATOR_RELEASE_DELAY_S: '3600',
    WAVE_UNBLOCKS_PER_MIN: String(unblocksPerMinute),
  });
  try {
    const { simulator, store } = t.app;
    if (!simulator) throw new Error('the bench needs the in-process simulator');
    const channel = t.chat(people.agent, {
      conversationId: '19:bench-helpdesk@thread.tacv2',
      conversationType: 'channel',
    });
    await channel.say('set helpdesk channel');
    const approver = t.chat(people.approver);
    await approver.say('help');
    while ((await store.requests.listRecent(10)).length < 5) await sleep(50);
    const addresses = Array.from({ length: accounts }, (_, i) => `wave-bench-${i}@contoso.com`);
    for (const [i, upn] of addresses.entries()) simulator.addUser(upn, `Wave Bench ${i}`);
    simulator.clearCalls();
    t.connector.clear();
    const started = performance.now();
    for (const upn of addresses) simulator.restrict(upn);
    const members = async (): Promise<UnblockRequest[]> =>
      (await store.requests.listRecent(accounts + 50)).filter((r) =>
        r.target.userPrincipalName.startsWith('wave-bench-'),
      );
    for (;;) {
      const all = await members();
      if (all.length === accounts && all.every((m) => m.state === 'pending_approval')) break;
      await sleep(100);
    }
    const checked = performance.now();
    const waveId = (await members())[0]?.detection?.waveId;
    if (!waveId) throw new Error('the accounts did not become a wave');
    const signer = createCardSigner(await loadCardSigningKey(store.state, undefined));
    const verb = 'wave.approveClean';
    const approved = performance.now();
    const res = await approver.post(
      approver.invokeActivity({
        action: {
          type: 'Action.Execute',
          verb,
          data: { waveId, sig: signer.sign(...waveActionParts(waveId, undefined, verb)) },
        },
      }),
    );
    if (res.status !== 200) throw new Error(`the batch approval got HTTP ${res.status}`);
    for (;;) {
      const all = await members();
      if (all.every((m) => m.state === 'waiting_resume' || m.state === 'resumed')) break;
      await sleep(200);
    }
    const done = performance.now();
    const calls = simulator.calls();
    const exchangeCalls: Record<string, number> = {};
    for (const call of calls.filter((c) => c.api === 'exchange'))
      exchangeCalls[call.cmdlet ?? '?'] = (exchangeCalls[call.cmdlet ?? '?'] ?? 0) + 1;
    const removes = new Map<string, number>();
    for (const call of calls.filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress' && c.status < 300)) {
      const address = String(call.parameters?.SenderAddress).toLowerCase();
      removes.set(address, (removes.get(address) ?? 0) + 1);
    }
    const perAccount = addresses.map((a) => removes.get(a) ?? 0);
    return {
      accounts,
      unblocksPerMinute,
      checkedS: (checked - started) / 1000,
      unblockedS: (done - approved) / 1000,
      minimumS: ((accounts - 1) * 60) / unblocksPerMinute,
      exchangeCalls,
      graphCalls: calls.filter((c) => c.api === 'graph').length,
      teamsPosts: t.connector.activities.filter((a) => a.method === 'POST').length,
      teamsUpdates: t.connector.activities.filter((a) => a.method === 'PUT').length,
      removesPerAccount: { min: Math.min(...perAccount), max: Math.max(...perAccount) },
    };
  } finally {
    await t.stop();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
