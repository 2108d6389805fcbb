// Starts the bots under test as their own processes, compiled, with plain `node` (not through npm), so the
// child's PID is the bot itself and /proc/<pid>/status is its memory: the app exactly as `npm start` runs it
// (dist/, its Node flags), and the echo bot bundled by the same esbuild settings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import {
  compiledAppCommand,
  freePort,
  type StartedProcess,
  startProcess,
} from '../test/support/processes.js';

export const repoRoot = path.resolve(__dirname, '..');

export interface RunningBot {
  name: string;
  url: string;
  pid: number;
  process: StartedProcess;
  /** Spawn → first 200 from GET /readyz. */
  readyMs: number;
  stop(): Promise<void>;
}

/** The app's command line from `npm start` (dist/ is rebuilt first when a source is newer). */
export function compiledApp(): { script: string; nodeArgs: string[] } {
  const { args } = compiledAppCommand('start');
  const script = args.at(-1) ?? '';
  return { script, nodeArgs: args.slice(0, -1) };
}

/** Bundles the echo bot as the app is bundled (scripts/build.mjs): CommonJS for Node 22, one file. */
export async function compiledEchoBot(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'echoBot.js');
  await build({
    absWorkingDir: repoRoot,
    entryPoints: ['bench/echoBot.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['dtrace-provider'],
    logLevel: 'warning',
  });
  return outfile;
}

export async function startBot(
  name: string,
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<RunningBot> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = startProcess(
    process.execPath,
    // The heap probe does nothing until asked (probeHeap); --expose-gc lets it collect first.
    [...nodeArgs, '--expose-gc', '--require', './bench/heapProbe.cjs', script],
    { ...env, PORT: String(port), HOST: '127.0.0.1' },
    repoRoot,
  );
  await waitReady(`${url}/readyz`, 60_000, child);
  const readyMs = performance.now() - started;
  const pid = child.child.pid;
  if (pid === undefined) throw new Error(`${name} has no pid`);
  return {
    name,
    url,
    pid,
    process: child,
    readyMs,
    async stop() {
      child.signal('SIGTERM');
      const killed = setTimeout(() => child.signal('SIGKILL'), 10_000);
      await child.exited;
      clearTimeout(killed);
    },
  };
}

/** Polls every 10 ms: the 200 ms of test/support's waitUntilUp would blur a ~1 s start. */
async function waitReady(url: string, timeoutMs: number, child: StartedProcess): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (child.child.exitCode !== null) throw new Error(`process exited early:\n${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.signal('SIGKILL');
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms:\n${child.output()}`);
}

/** Resident set size of a process, in MB, from /proc/<pid>/status. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kb / 1024;
}

export interface HeapProbe {
  /** After a full garbage collection. */
  heapUsedMb: number;
  rssMb: number;
  externalMb: number;
  arrayBuffersMb: number;
}

/** Asks the bot's heap probe to collect garbage and report; the live objects, as opposed to RSS. */
export async function probeHeap(bot: RunningBot): Promise<HeapProbe> {
  const seen = bot.process.output().length;
  process.kill(bot.pid, 'SIGUSR2');
  const deadline = performance.now() + 10_000;
  while (performance.now() < deadline) {
    const line = bot.process
      .output()
      .slice(seen)
      .split('\n')
      .find((l) => l.startsWith('{"heapProbe"'));
    if (line) {
      const { after } = (JSON.parse(line) as { heapProbe: { after: NodeJS.MemoryUsage } }).heapProbe;
      const mb = (bytes: number) => bytes / 2 ** 20;
      return {
        heapUsedMb: mb(after.heapUsed),
        rssMb: mb(after.rss),
        externalMb: mb(after.external),
        arrayBuffersMb: mb(after.arrayBuffers),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${bot.name} did not answer the heap probe`);
}
