// Detection latency: from the moment the simulated tenant restricts a user to the moment the helpdesk card
// reaches the helpdesk channel, at the default poll interval (DETECTION_POLL_INTERVAL_S=60, shared with the
// resume monitor). Restrictions are spread evenly over one poll cycle, so the samples show the whole range
// (just after a poll: about a full interval; just before: about nothing), plus the bot's own processing
// (the list call of the cycle that found the user → card posted).
import { performance } from 'node:perf_hooks';
import { startTestApp } from '../test/support/testApp.js';
import { median } from './load.js';

export interface DetectionLatencyResult {
  pollIntervalS: number;
  samples: number;
  /** Restriction → card posted, per sample, in seconds. */
  latenciesS: number[];
  medianS: number;
  maxS: number;
  /** The cycle's Get-BlockedSenderAddress call → card posted, median, in ms. */
  processingMs: number;
}

export async function measureDetectionLatency(samples: number): Promise<DetectionLatencyResult> {
  const t = await startTestApp({ DETECTION: 'on', LOG_LEVEL: 'warn' });
  try {
    const { simulator } = t.app;
    if (!simulator) throw new Error('the bench needs the in-process simulator');
    const pollIntervalS = 60;
    const channel = t.chat(undefined, {
      conversationId: '19:bench-helpdesk@thread.tacv2',
      conversationType: 'channel',
    });
    await channel.say('set helpdesk channel');
    const listCalls = () =>
      simulator
        .calls()
        .filter((c) => c.cmdlet === 'Get-BlockedSenderAddress' && c.parameters?.SenderAddress === undefined)
        .map((c) => Date.parse(c.at));
    // The first cycle ran at start: its time fixes the phase of the following ones.
    while (listCalls().length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const firstCycleAt = listCalls()[0] ?? Date.now();
    const users = Array.from({ length: samples }, (_, i) => `detect-bench-${i}@contoso.com`);
    for (const [i, upn] of users.entries()) simulator.addUser(upn, `Bench User ${i}`);
    const restrictedAt = new Map<string, number>();
    const arrived = users.map((upn) =>
      t.connector
        .waitFor(
          (a) => a.conversationId === channel.conversationId && JSON.stringify(a.activity).includes(upn),
          200_000,
        )
        .then(() => performance.timeOrigin + performance.now()),
    );
    for (const [i, upn] of users.entries()) {
      // Evenly over the cycle after the first poll: phases (i + 0.5) / samples.
      const at = firstCycleAt + pollIntervalS * 1000 * ((i + 0.5) / samples);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));
      simulator.restrict(upn);
      restrictedAt.set(upn, Date.now());
    }
    const cards = await Promise.all(arrived);
    const latenciesS = users.map((upn, i) => ((cards[i] ?? 0) - (restrictedAt.get(upn) ?? 0)) / 1000);
    const calls = listCalls();
    const processingMs = median(
      users.map((upn, i) => {
        const card = cards[i] ?? 0;
        const restricted = restrictedAt.get(upn) ?? 0;
        const cycle = calls.filter((at) => at >= restricted && at <= card)[0] ?? card;
        return card - cycle;
      }),
    );
    return {
      pollIntervalS,
      samples,
      latenciesS,
      medianS: median(latenciesS),
      maxS: Math.max(...latenciesS),
      processingMs,
    };
  } finally {
    await t.stop();
  }
}
