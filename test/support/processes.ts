// Starting and stopping the app as a real process (as `npm start` does), for tests that need one.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const projectRoot = path.resolve(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface StartedProcess {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Signals the whole process group (npm → sh → node), so nothing is left behind. */
  signal(signal: NodeJS.Signals): void;
}

export function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
): StartedProcess {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  // 'close' waits for the pipes too, which the app (a grandchild under npm) holds until it really ends.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    signal(signal) {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, signal);
        } catch {
          // The group is already gone.
        }
      }
    },
  };
}

/** Polls `url` until it answers 200, at most `timeoutMs`. */
export async function waitUntilUp(url: string, timeoutMs: number, started?: StartedProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (started && started.child.exitCode !== null)
      throw new Error(`process exited early:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms${started ? `:\n${started.output()}` : ''}`);
}

/**
 * The command line of an npm script that runs the compiled app (`start`, `worker`), with `node` replaced by
 * this Node binary. dist/ is built first when it is older than the sources, as the script's `pre` step does.
 */
export function compiledAppCommand(script: 'start' | 'worker'): { command: string; args: string[] } {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [node, ...args] = (pkg.scripts[script] ?? '').split(/\s+/);
  if (node !== 'node') throw new Error(`npm run ${script} does not start with node: ${pkg.scripts[script]}`);
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: projectRoot, stdio: 'inherit' });
  return { command: process.execPath, args };
}

/** The app exactly as `npm start` runs it, minus npm: the child's PID is the app's own. */
export function startCompiledApp(env: Record<string, string>): StartedProcess {
  const { command, args } = compiledAppCommand('start');
  return startProcess(command, args, env, projectRoot);
}
