// Resume-monitor cost: with many requests waiting for the user to send again, how many Exchange and Graph
// calls and how much wall time one cycle takes. In-process, with the simulated tenant's call log.
import { performance } from 'node:perf_hooks';
import { startTestApp } from '../test/support/testApp.js';
import { median } from './load.js';
import { requestIn } from './requests.js';

export interface MonitorCycleResult {
  waiting: number;
  wallMs: number;
  /** HTTP calls of Get-BlockedSenderAddress (one cmdlet call may be several pages). */
  exchangeListHttpCalls: number;
  exchangeHttpCalls: number;
  /** What the monitor counts: one logical list per cycle. */
  listCalls: number;
  traceCalls: number;
  graphHttpCalls: number;
  resumed: number;
}

export interface MonitorResult {
  waiting: number;
  restricted: number;
  cycles: MonitorCycleResult[];
  medianWallMs: number;
}

export async function measureMonitor(waiting: number, cycles: number): Promise<MonitorResult> {
  const t = await startTestApp({ LOG_LEVEL: 'warn', RESUME_POLL_INTERVAL_S: '3600' });
  try {
    const { store, simulator, worker, requestJobs } = t.app;
    if (!simulator || !worker || !requestJobs)
      throw new Error('the bench needs the in-process simulator and worker');
    // Cycles are run by hand: the background loop must not add its own.
    await worker.stop();
    let restricted = 0;
    for (let i = 0; i < waiting; i++) {
      const address = `waiting${i}@contoso.com`;
      // Half are still on the Restricted list, half left it and need the message trace to confirm.
      if (i % 2 === 0) {
        simulator.restrict(address);
        restricted += 1;
      }
      await store.requests.create(
        requestIn({ state: 'waiting_resume', address, conversationId: 'a:monitor' }),
      );
    }
    const results: MonitorCycleResult[] = [];
    for (let c = 0; c < cycles; c++) {
      simulator.clearCalls();
      const started = performance.now();
      const cycle = await requestJobs.monitor.cycle();
      const wallMs = performance.now() - started;
      const calls = simulator.calls();
      const exchange = calls.filter((call) => call.api === 'exchange');
      results.push({
        waiting: cycle.waiting,
        wallMs,
        exchangeListHttpCalls: exchange.filter((call) => call.cmdlet === 'Get-BlockedSenderAddress').length,
        exchangeHttpCalls: exchange.length,
        listCalls: cycle.listCalls,
        traceCalls: cycle.traceCalls,
        graphHttpCalls: calls.filter((call) => call.api === 'graph').length,
        resumed: cycle.resumed,
      });
    }
    return { waiting, restricted, cycles: results, medianWallMs: median(results.map((r) => r.wallMs)) };
  } finally {
    await t.stop();
  }
}
