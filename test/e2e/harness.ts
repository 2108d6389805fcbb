// Starts what an end-to-end test needs and stops all of it: the bot exactly as `npm start` runs it (free
// port, temp DATA_DIR), Microsoft 365 Agents Playground against it (as scripts/playground.ts starts it),
// and headless Debian Chromium on the playground's page. Nothing leaves the machine: Chromium's requests
// to other hosts are aborted (the playground asks a CDN for fonts; the fallback fonts are fine).
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { listeningPort, preparePlayground } from '../../scripts/playground.js';
import { freePort, type StartedProcess, startProcess, waitUntilUp } from '../support/processes.js';
import { PlaygroundPage } from './playgroundPage.js';

const ROOT = path.join(__dirname, '..', '..');
export const ARTIFACTS_DIR = path.join(ROOT, 'test-artifacts', 'e2e');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface E2eSession {
  /** The bot's DATA_DIR (its SQLite file is readable while it runs: WAL). */
  dataDir: string;
  botUrl: string;
  /** What the bot printed so far (stdout and stderr). */
  botOutput(): string;
  playgroundUrl: string;
  page: PlaygroundPage;
  /** Closes the browser, stops the playground and the bot (their process groups), removes temp dirs. */
  stop(): Promise<void>;
}

export async function startE2e(): Promise<E2eSession> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-e2e-'));
  const dataDir = path.join(tempDir, 'data');
  // Screenshots of an earlier run would pass for this one's.
  await rm(ARTIFACTS_DIR, { recursive: true, force: true });
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const started: StartedProcess[] = [];
  let context: BrowserContext | undefined;
  let playgroundLog: string | undefined;
  // Kept after every run (test-artifacts/ is not committed): the first place to look when a step fails.
  const saveLogs = async () => {
    const [bot, playground] = started;
    if (bot) await writeFile(path.join(ARTIFACTS_DIR, 'bot.log'), bot.output());
    if (playground) await writeFile(path.join(ARTIFACTS_DIR, 'playground.log'), playground.output());
    if (playgroundLog && existsSync(playgroundLog))
      await copyFile(playgroundLog, path.join(ARTIFACTS_DIR, 'm365agentsplayground.log'));
  };
  const stop = async () => {
    await context?.close();
    for (const service of [...started].reverse()) await stopProcess(service);
    await saveLogs();
    await rm(tempDir, { recursive: true, force: true });
  };
  try {
    const botPort = await freePort();
    // Empty app id: local mode, as `npm start` on a laptop; explicit values win over a developer's .env.
    const bot = startProcess(
      'npm',
      ['start'],
      {
        PORT: String(botPort),
        DATA_DIR: dataDir,
        SIMULATOR_RELEASE_DELAY_S: '2',
        TENANT_MODE: 'simulated',
        MicrosoftAppId: '',
        MicrosoftAppPassword: '',
      },
      ROOT,
    );
    started.push(bot);
    const botUrl = `http://127.0.0.1:${botPort}`;
    await waitUntilUp(`${botUrl}/healthz`, STARTUP_TIMEOUT_MS, bot);

    const launch = preparePlayground({
      botEndpoint: `${botUrl}/api/messages`,
      port: await freePort(),
      workDir: path.join(tempDir, 'playground'),
    });
    playgroundLog = launch.logFile;
    const playground = startProcess(launch.command, launch.args, launch.env, launch.cwd);
    started.push(playground);
    const playgroundUrl = `http://127.0.0.1:${await playgroundPort(playground)}`;
    await waitUntilUp(`${playgroundUrl}/_debug/ping`, STARTUP_TIMEOUT_MS, playground);

    context = await chromium.launchPersistentContext(path.join(tempDir, 'chromium'), {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 1000 },
    });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
    const page = new PlaygroundPage(context.pages()[0] ?? (await context.newPage()), ARTIFACTS_DIR);
    await page.open(playgroundUrl);
    return {
      dataDir,
      botUrl,
      botOutput: bot.output,
      playgroundUrl,
      page,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The port it really took: it silently falls back to another one when the requested port is taken. */
async function playgroundPort(playground: StartedProcess): Promise<number> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    const port = listeningPort(playground.output());
    if (port !== undefined) return port;
    if (playground.child.exitCode !== null || Date.now() > deadline)
      throw new Error(`the playground did not start:\n${playground.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stopProcess(service: StartedProcess): Promise<void> {
  service.signal('SIGTERM');
  const timer = setTimeout(() => service.signal('SIGKILL'), STOP_TIMEOUT_MS);
  await service.exited;
  clearTimeout(timer);
}
