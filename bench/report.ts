// Summaries and the markdown table of a benchmark run: medians across rounds, ratios to the echo bot's
// message turn in the same round, and the A/A band (echo bot B against echo bot A) as the noise to read them by.

import os from 'node:os';
import type { FanoutResult } from './fanout.js';
import { median } from './load.js';
import type { MonitorResult } from './monitor.js';
import type { StoreResult } from './stores.js';
import type { TabBench } from './tab.js';
import type { ScenarioName, ScenarioRun, TurnTimings } from './turns.js';

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  node: string;
  os: string;
  memoryGiB: number;
}

export function machine(): Machine {
  return {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  };
}

interface Band {
  median: number;
  min: number;
  max: number;
}

function band(values: number[]): Band {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export interface ScenarioSummary {
  scenario: ScenarioName;
  label: string;
  p50Ms: number;
  p99Ms: number;
  loadedP50Ms: number;
  loadedP99Ms: number;
  throughput: number;
  /** Per-round ratios to the echo bot's message turn of the same round. */
  p50Ratio: Band;
  p99Ratio: Band;
  loadedP50Ratio: Band;
  throughputRatio: Band;
  repliesPerTurn: number;
}

export function summarize(runs: ScenarioRun[], labels: Record<ScenarioName, string>): ScenarioSummary[] {
  const names = [...new Set(runs.map((r) => r.scenario))];
  const echoOf = (round: number) => runs.find((r) => r.scenario === 'echo' && r.round === round);
  return names.map((scenario) => {
    const mine = runs.filter((r) => r.scenario === scenario);
    const ratio = (pick: (r: ScenarioRun) => number) =>
      band(
        mine.map((r) => {
          const echo = echoOf(r.round);
          return echo ? pick(r) / pick(echo) : Number.NaN;
        }),
      );
    return {
      scenario,
      label: labels[scenario],
      p50Ms: median(mine.map((r) => r.single.p50Ms)),
      p99Ms: median(mine.map((r) => r.single.p99Ms)),
      loadedP50Ms: median(mine.map((r) => r.loaded.p50Ms)),
      loadedP99Ms: median(mine.map((r) => r.loaded.p99Ms)),
      throughput: median(mine.map((r) => r.loaded.throughput)),
      p50Ratio: ratio((r) => r.single.p50Ms),
      p99Ratio: ratio((r) => r.single.p99Ms),
      loadedP50Ratio: ratio((r) => r.loaded.p50Ms),
      throughputRatio: ratio((r) => r.loaded.throughput),
      repliesPerTurn: median(mine.map((r) => r.repliesPerTurn)),
    };
  });
}

export interface Footprint {
  echoReadyMs: number[];
  oursReadyMs: number[];
  echoRssAtReadyMb: number;
  oursRssAtReadyMb: number;
  echoRssAfterTurnsMb: number;
  oursRssAfterTurnsMb: number;
  /** Live JS heap after a full collection, right after the RSS reading. */
  echoHeapAfterGcMb: number;
  oursHeapAfterGcMb: number;
  turns: number;
  oursRssAtEndMb: number;
}

export interface BenchResult {
  machine: Machine;
  settings: TurnTimings & {
    rounds: number;
    conversations: number;
    seededRequests: number;
    /** 1-minute load average of the machine around the rounds: other work on it shows here. */
    loadAverage: { beforeRounds: number; afterRounds: number };
  };
  summary: ScenarioSummary[];
  runs: ScenarioRun[];
  footprint: Footprint;
  monitor: MonitorResult;
  fanout: FanoutResult;
  /** The Requests tab's API with 100,000 requests in the store. */
  tab?: TabBench;
  stores: StoreResult[];
  targets: Target[];
  totalSeconds: number;
}

export interface Target {
  what: string;
  result: string;
  target: string;
  met: boolean;
}

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const x = (b: Band) => `${f(b.median, 2)}×`;
const range = (b: Band) => `${f(b.min, 2)}–${f(b.max, 2)}`;

export function targetsOf(
  summary: ScenarioSummary[],
  footprint: Footprint,
  monitor: MonitorResult,
  fanout: FanoutResult,
): Target[] {
  const help = summary.find((s) => s.scenario === 'help');
  const status = summary.find((s) => s.scenario === 'status');
  const monitorCycle = monitor.cycles[0];
  const targets: Target[] = [];
  const readyMs = median(footprint.oursReadyMs);
  targets.push({
    what: 'ready (spawn → /readyz 200), compiled, Node flags of `npm start`',
    result: `${f(readyMs, 0)} ms (echo ${f(median(footprint.echoReadyMs), 0)} ms)`,
    target: '< 1 s',
    met: readyMs < 1000,
  });
  if (help) {
    targets.push({
      what: 'message turn ("help") p50, 1 connection',
      result: `${x(help.p50Ratio)} echo`,
      target: '≤ 1.25× echo',
      met: help.p50Ratio.median <= 1.25,
    });
    targets.push({
      what: 'message turn ("help") throughput, 10 connections',
      result: `${x(help.throughputRatio)} echo`,
      target: '≥ 0.8× echo',
      met: help.throughputRatio.median >= 0.8,
    });
  }
  if (status) {
    targets.push({
      what: 'message turn ("status") throughput, 10 connections',
      result: `${x(status.throughputRatio)} echo`,
      target: '≥ 0.7× echo',
      met: status.throughputRatio.median >= 0.7,
    });
  }
  if (monitorCycle) {
    targets.push({
      what: `resume monitor, ${monitor.waiting.toLocaleString('en')} waiting (${monitor.restricted.toLocaleString('en')} still restricted)`,
      result:
        `${monitorCycle.listCalls} Get-BlockedSenderAddress call per cycle ` +
        `(${monitorCycle.exchangeListHttpCalls} HTTP pages of 1,000), ${monitorCycle.traceCalls} message-trace calls, ` +
        `${f(monitor.medianWallMs, 0)} ms per cycle`,
      target: '1 Exchange list call per cycle',
      met: monitor.cycles.every((c) => c.listCalls === 1),
    });
  }
  targets.push({
    what: `proactive fan-out, ${fanout.notifications.toLocaleString('en')} notes to ${fanout.conversations} conversations`,
    result:
      `${f(fanout.tookMs / 1000)} s vs ${f(fanout.minimumMs / 1000)} s minimum = ${f(fanout.ratio, 2)}×; ` +
      `${fanout.lost} lost, ${fanout.duplicated} duplicated, ${fanout.throttled} answered 429`,
    target: '≤ 1.2× minimum, 0 lost',
    met: fanout.ratio <= 1.2 && fanout.lost === 0 && fanout.duplicated === 0,
  });
  targets.push({
    what: `RSS after ${footprint.turns.toLocaleString('en')} turns`,
    result:
      `${f(footprint.oursRssAfterTurnsMb, 0)} MB (echo ${f(footprint.echoRssAfterTurnsMb, 0)} MB); ` +
      `live heap ${f(footprint.oursHeapAfterGcMb, 0)} MB`,
    target: '< 200 MB',
    met: footprint.oursRssAfterTurnsMb < 200,
  });
  return targets;
}

export function markdown(result: BenchResult): string {
  const { machine: m, settings: s, footprint: fp } = result;
  const lines = [
    `### Benchmark: unblock-assistant against a plain botbuilder echo bot`,
    '',
    `${m.date.slice(0, 10)} · ${m.cpu} · ${m.cores} cores · ${m.memoryGiB} GiB · Node ${m.node} · ${m.os} · ` +
      `load average ${f(s.loadAverage.beforeRounds, 2)} before the rounds, ${f(s.loadAverage.afterRounds, 2)} after`,
    '',
    `Loopback, autocannon in the bench process, each bot in its own process, replies to a fake connector in a ` +
      `third. ${s.rounds} rounds in alternating order; per round ${s.singleSeconds} s at 1 connection (latency) and ` +
      `${s.loadedSeconds} s at ${s.loadedConnections} connections (throughput); ${s.conversations} conversations; ` +
      `${s.seededRequests.toLocaleString('en')} requests already in the store. Medians across rounds; ratios are to ` +
      `the echo bot's message turn in the same round, with the round-to-round range; the A/A row is a second echo ` +
      `bot measured the same way and is the noise band. "help" and "status" are typed messages (one card sent back ` +
      `through the connector; "status" lists the agent's recent requests); the Action.Execute turn clicks a runbook ` +
      `card whose step is already done (a double click, or an old card): it loads the active dialog state and ` +
      `answers "This step is done" in the invoke response, with no tenant call, so it repeats under load.`,
    '',
    '| Turn | p50 ms | p99 ms | turns/s | p50 × echo | p99 × echo | turns/s × echo |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of result.summary) {
    const isEcho = row.scenario === 'echo';
    const cell = (b: Band) => (isEcho ? '1.00×' : `${x(b)} (${range(b)})`);
    lines.push(
      `| ${row.label} | ${f(row.p50Ms, 2)} | ${f(row.p99Ms, 2)} | ${f(row.throughput, 0)} | ${cell(row.p50Ratio)} | ` +
        `${cell(row.p99Ratio)} | ${cell(row.throughputRatio)} |`,
    );
  }
  lines.push(
    '',
    `Cold start (spawn → /readyz 200, median of ${fp.oursReadyMs.length}): ours ${f(median(fp.oursReadyMs), 0)} ms, ` +
      `echo ${f(median(fp.echoReadyMs), 0)} ms. RSS at ready: ours ${f(fp.oursRssAtReadyMb, 0)} MB, echo ` +
      `${f(fp.echoRssAtReadyMb, 0)} MB; after ${fp.turns.toLocaleString('en')} turns: ours ` +
      `${f(fp.oursRssAfterTurnsMb, 0)} MB, echo ${f(fp.echoRssAfterTurnsMb, 0)} MB (live heap after a full GC: ours ` +
      `${f(fp.oursHeapAfterGcMb, 0)} MB, echo ${f(fp.echoHeapAfterGcMb, 0)} MB); ours at the end of the run ` +
      `${f(fp.oursRssAtEndMb, 0)} MB.`,
    '',
    '| Target | Result | Goal | Met |',
    '| --- | --- | --- | :-: |',
    ...result.targets.map((t) => `| ${t.what} | ${t.result} | ${t.target} | ${t.met ? 'yes' : '**no**'} |`),
    '',
    `Fan-out arrivals per second after the worker started: ${result.fanout.arrivalsPerSecond.join(' ')}.`,
    '',
    'Stores side by side: no-op jobs handed out by two job runners in one process (the store is what is measured), ' +
      "and an approver's click through the bot to the Remove-BlockedSenderAddress call, with the worker in the bot's " +
      'process. Azurite is the emulator in one local process: its numbers are the cost of the round trips, not Azure.',
    '',
    '| Store | enqueue/s | jobs/s | approval → unblock call p50 | p95 |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...result.stores.map(
      (r) =>
        `| ${r.store} | ${f(r.enqueuePerSecond, 0)} | ${f(r.jobsPerSecond, 0)} (${r.jobs} jobs) | ` +
        `${f(r.approvalToUnblockP50Ms, 0)} ms | ${f(r.approvalToUnblockP95Ms, 0)} ms (${r.approvals} approvals) |`,
    ),
    '',
    `Whole run: ${f(result.totalSeconds, 0)} s.`,
  );
  return lines.join('\n');
}
