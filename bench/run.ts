// `npm run bench`: unblock-assistant against a plain botbuilder echo bot in one run — turn latency and
// throughput, cold start and memory, the resume monitor's cost and proactive fan-out under Teams' rate limits.
// Prints a markdown table and writes bench/results/latest.json. Shorter runs for trying things out:
// BENCH_ROUNDS, BENCH_SINGLE_S, BENCH_LOADED_S, BENCH_TURNS, BENCH_TAB_REQUESTS, BENCH_TAB_CALLS; BENCH_PROFILE=1
// writes a CPU profile of the app; BENCH_ONLY=tab measures only the Requests tab's API (and its message turn).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, startProcess } from '../test/support/processes.js';
import { bodies, messageActivity } from './activities.js';
import {
  compiledApp,
  compiledEchoBot,
  probeHeap,
  type RunningBot,
  repoRoot,
  rssMb,
  startBot,
} from './bots.js';
import { measureFanout } from './fanout.js';
import { measureMonitor } from './monitor.js';
import { type BenchResult, type Footprint, machine, markdown, summarize, targetsOf } from './report.js';
import { SEEDED_REQUESTS, seedHistory } from './seed.js';
import { measureStores } from './stores.js';
import { measureTab, tabMarkdown } from './tab.js';
import { runRounds, runTurns, type ScenarioName, scenarios, staleClickBodies } from './turns.js';

const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const rounds = setting('BENCH_ROUNDS', 6);
const timings = {
  singleSeconds: setting('BENCH_SINGLE_S', 2),
  loadedSeconds: setting('BENCH_LOADED_S', 4),
  loadedConnections: 10,
};
const turnsForRss = setting('BENCH_TURNS', 10_000);
const tabRequests = setting('BENCH_TAB_REQUESTS', 100_000);
const tabCalls = setting('BENCH_TAB_CALLS', 300);
const coldStarts = 3;
const STORE_JOBS = 300;
const STORE_APPROVALS = 20;
const profile = process.env.BENCH_PROFILE === '1';
const resultsDir = path.join(repoRoot, 'bench', 'results');

const log = (line: string) => process.stderr.write(`${line}\n`);

/** The app as `npm start` runs it, minus .env surprises: simulated tenant, in-process worker, local mode. */
function appEnv(dataDir: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    TENANT_MODE: 'simulated',
    SIMULATOR_URL: '',
    WORKER: 'in-process',
    MicrosoftAppId: '',
    HELPDESK_GROUP_ID: '',
    // 200 simulated people at hundreds of turns per second: the per-person limit would answer most turns
    // with "slow down", which measures the limiter, not the turn.
    USER_RATE_LIMIT_PER_MIN: '1000000',
    LOG_LEVEL: 'info',
  };
}

async function startSink(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const sink = startProcess(
    process.execPath,
    ['--import', 'tsx', 'bench/replySink.ts'],
    { PORT: String(port) },
    repoRoot,
  );
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}stats`)).status === 200) break;
    } catch {
      if (i > 3000 || sink.child.exitCode !== null)
        throw new Error(`the reply sink did not start:\n${sink.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  return {
    url,
    stop: async () => {
      sink.signal('SIGTERM');
      await sink.exited;
    },
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const m = machine();
  log(`bench: ${m.cpu}, ${m.cores} cores, Node ${m.node}`);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'unblock-bench-'));
  const bots: RunningBot[] = [];
  const sink = await startSink();
  if (process.env.BENCH_ONLY === 'tab') {
    try {
      const tab = await measureTab(tabRequests, tabCalls, sink.url, log);
      process.stdout.write(`${tabMarkdown(tab).join('\n')}\n`);
    } finally {
      await sink.stop();
      await rm(scratch, { recursive: true, force: true });
    }
    return;
  }
  try {
    const template = path.join(scratch, 'template');
    await seedHistory(template);
    const app = compiledApp();
    const echoScript = await compiledEchoBot(scratch);

    log(
      `cold start: ${coldStarts} × echo bot and unblock-assistant (${SEEDED_REQUESTS} requests in its store)`,
    );
    const echoReadyMs: number[] = [];
    const oursReadyMs: number[] = [];
    let echo: RunningBot | undefined;
    let ours: RunningBot | undefined;
    for (let i = 0; i < coldStarts; i++) {
      const last = i === coldStarts - 1;
      echo = await startBot('echo', echoScript, {});
      echoReadyMs.push(echo.readyMs);
      if (!last) await echo.stop();
      const dataDir = path.join(scratch, `data-${i}`);
      cpSync(template, dataDir, { recursive: true });
      const profileArgs =
        profile && last ? ['--cpu-prof', `--cpu-prof-dir=${path.join(resultsDir, 'profiles')}`] : [];
      ours = await startBot('ours', app.script, appEnv(dataDir), [...app.nodeArgs, ...profileArgs]);
      oursReadyMs.push(ours.readyMs);
      if (!last) await ours.stop();
    }
    if (!echo || !ours) throw new Error('no bot started');
    bots.push(echo, ours);
    log(
      `  ready: echo ${echoReadyMs.map((ms) => ms.toFixed(0)).join(', ')} ms; ours ${oursReadyMs.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    );
    const echoRssAtReadyMb = rssMb(echo.pid);
    const oursRssAtReadyMb = rssMb(ours.pid);

    const staleClicks = await staleClickBodies(ours, sink.url);
    log(
      `${turnsForRss.toLocaleString('en')} turns each (also the warm-up): echo messages; ours help, status and stale steps`,
    );
    const mixed = [
      ...bodies((i) => messageActivity(i, sink.url, 'help')),
      ...bodies((i) => messageActivity(i, sink.url, 'status')),
      ...staleClicks,
    ];
    const echoTurns = await runTurns(
      echo,
      bodies((i) => messageActivity(i, sink.url, 'help')),
      turnsForRss,
      10,
    );
    const oursTurns = await runTurns(ours, mixed, turnsForRss, 10);
    if (echoTurns.non2xx + oursTurns.non2xx + echoTurns.errors + oursTurns.errors > 0) {
      throw new Error(`turns failed: echo ${JSON.stringify(echoTurns)}, ours ${JSON.stringify(oursTurns)}`);
    }
    const echoRssAfterTurnsMb = rssMb(echo.pid);
    const oursRssAfterTurnsMb = rssMb(ours.pid);
    // After the RSS reading: a full collection tells live objects (a leak) from heap V8 has not collected yet.
    const echoHeap = await probeHeap(echo);
    const oursHeap = await probeHeap(ours);
    log(
      `  RSS after: echo ${echoRssAfterTurnsMb.toFixed(0)} MB, ours ${oursRssAfterTurnsMb.toFixed(0)} MB; ` +
        `live heap after GC: echo ${echoHeap.heapUsedMb.toFixed(0)} MB, ours ${oursHeap.heapUsedMb.toFixed(0)} MB`,
    );

    const echoAA = await startBot('echo B', echoScript, {});
    bots.push(echoAA);
    const all = scenarios(echo, echoAA, ours, sink.url, staleClicks);
    await runTurns(echoAA, all[0]?.bodies ?? [], 2000, 10);
    log(`${rounds} rounds: ${all.map((s) => s.name).join(', ')}, then reversed`);
    const loadBefore = os.loadavg()[0] ?? 0;
    const runs = await runRounds(all, rounds, timings, sink.url, log);
    const loadAfter = os.loadavg()[0] ?? 0;
    const footprint: Footprint = {
      echoReadyMs,
      oursReadyMs,
      echoRssAtReadyMb,
      oursRssAtReadyMb,
      echoRssAfterTurnsMb,
      oursRssAfterTurnsMb,
      echoHeapAfterGcMb: echoHeap.heapUsedMb,
      oursHeapAfterGcMb: oursHeap.heapUsedMb,
      turns: turnsForRss,
      oursRssAtEndMb: rssMb(ours.pid),
    };
    for (const bot of bots.splice(0)) await bot.stop();
    log(
      `Requests tab API: ${tabRequests.toLocaleString('en')} requests in the store, ${tabCalls} calls each`,
    );
    const tab = await measureTab(tabRequests, tabCalls, sink.url, log);
    await sink.stop();

    log('resume monitor: 10,000 waiting requests, 3 cycles');
    const monitor = await measureMonitor(10_000, 3);
    log('proactive fan-out: 1,000 notes to 200 conversations under Teams rate limits');
    const fanout = await measureFanout(1000, 200);
    log(
      `stores: SQLite and Azure Storage on Azurite, ${STORE_JOBS} jobs and ${STORE_APPROVALS} approvals each`,
    );
    const stores = await measureStores(STORE_JOBS, STORE_APPROVALS);

    const labels = Object.fromEntries(all.map((s) => [s.name, s.label])) as Record<ScenarioName, string>;
    const order: ScenarioName[] = ['echo', 'echo-aa', 'help', 'status', 'step'];
    const summary = summarize(runs, labels).sort(
      (a, b) => order.indexOf(a.scenario) - order.indexOf(b.scenario),
    );
    const result: BenchResult = {
      machine: m,
      settings: {
        ...timings,
        rounds,
        conversations: 200,
        seededRequests: SEEDED_REQUESTS,
        loadAverage: { beforeRounds: loadBefore, afterRounds: loadAfter },
      },
      summary,
      runs,
      footprint,
      monitor,
      fanout,
      tab,
      stores,
      targets: targetsOf(summary, footprint, monitor, fanout),
      totalSeconds: (performance.now() - started) / 1000,
    };
    mkdirSync(resultsDir, { recursive: true });
    const latest = path.join(resultsDir, 'latest.json');
    // Three decimals are more than the noise allows; fewer digits keep the committed file readable.
    const rounded = (_key: string, value: unknown) =>
      typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;
    writeFileSync(latest, `${JSON.stringify(result, rounded, 2)}\n`);
    // In the repository's format, so `npm run lint` stays clean after a run.
    execFileSync(path.join(repoRoot, 'node_modules', '.bin', 'biome'), ['format', '--write', latest], {
      stdio: 'ignore',
    });
    process.stdout.write(
      `\n${[markdown(result), ...tabMarkdown(tab)].join('\n')}\n\nWrote bench/results/latest.json\n`,
    );
  } finally {
    for (const bot of bots) await bot.stop();
    await sink.stop().catch(() => undefined);
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
