// Starts what an end-to-end test needs and stops all of it: the bot exactly as `npm start` runs it (free
// port, temp DATA_DIR), Microsoft 365 Agents Playground against it (as `npm run playground` starts it, or
// with the playground's stock configuration), and headless Debian Chromium on the playground's page. More
// playgrounds, for other people, open in tabs of their own (`npm run playground -- --as approver`). The first
// one can talk to the bot through a ConnectorTap that records what the bot sends. Nothing
// leaves the machine: Chromium's requests to other hosts are aborted (the playground asks a CDN for fonts;
// the fallback fonts are fine).
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import {
  listeningPort,
  type PlaygroundRole,
  playgroundConfig,
  preparePlayground,
} from '../../scripts/playground.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/cardRendering.js';
import { freePort, type StartedProcess, startProcess, waitUntilUp } from '../support/processes.js';
import { ConnectorTap } from './connectorTap.js';
import { PlaygroundApi } from './playgroundApi.js';
import { PlaygroundPage, ScreenshotSeries } from './playgroundPage.js';

const ROOT = path.join(__dirname, '..', '..');
export const ARTIFACTS_DIR = path.join(ROOT, 'test-artifacts', 'e2e');
const STARTUP_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface E2eOptions {
  /** Screenshots and logs go to test-artifacts/e2e/<name>/ (each suite its own, emptied when it starts). */
  name: string;
  /** More environment for the bot (e.g. RESUME_POLL_INTERVAL_S); wins over the harness's values. */
  botEnv?: Record<string, string>;
  /**
   * The first playground with no configuration of ours: its default tenant and user (Alex Wilber), as
   * `npx @microsoft/m365agentsplayground -e <endpoint> -c msteams` gives them.
   */
  stockPlayground?: boolean;
  /** Relay the first playground's traffic to and from the bot through a ConnectorTap (session.connector). */
  tapConnector?: boolean;
}

export interface E2eSession {
  /** The bot's DATA_DIR (its SQLite file is readable while it runs: WAL). */
  dataDir: string;
  botUrl: string;
  /** What the bot printed so far (stdout and stderr). */
  botOutput(): string;
  /** The first playground: the helpdesk agent Megan Bowen, or the stock configuration's user. */
  page: PlaygroundPage;
  /** The first playground's HTTP API, for what people other than the signed-in user do. */
  playground: PlaygroundApi;
  /** Every call the bot made to the first playground's connector (with `tapConnector` only). */
  connector: ConnectorTap | undefined;
  /** Starts a playground for `role` beside the first one and opens it in a new tab. */
  openPlayground(role: PlaygroundRole): Promise<PlaygroundPage>;
  /** Where this session's screenshots and logs go. */
  artifactsDir: string;
  /** Closes the browser, stops the playgrounds and the bot (their process groups), removes temp dirs. */
  stop(): Promise<void>;
}

interface RunningPlayground {
  label: string;
  process: StartedProcess;
  logFile: string;
}

export async function startE2e(options: E2eOptions): Promise<E2eSession> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'unblock-e2e-'));
  const dataDir = path.join(tempDir, 'data');
  const artifactsDir = path.join(ARTIFACTS_DIR, options.name);
  // Screenshots of an earlier run would pass for this one's.
  await rm(artifactsDir, { recursive: true, force: true });
  await mkdir(artifactsDir, { recursive: true });
  const shots = new ScreenshotSeries(artifactsDir);
  let bot: StartedProcess | undefined;
  const playgrounds: RunningPlayground[] = [];
  let context: BrowserContext | undefined;
  let connector: ConnectorTap | undefined;
  // Kept after every run (test-artifacts/ is not committed): the first place to look when a step fails.
  const saveLogs = async () => {
    if (bot) await writeFile(path.join(artifactsDir, 'bot.log'), bot.output());
    for (const playground of playgrounds) {
      await writeFile(
        path.join(artifactsDir, `playground-${playground.label}.log`),
        playground.process.output(),
      );
      if (existsSync(playground.logFile))
        await copyFile(
          playground.logFile,
          path.join(artifactsDir, `m365agentsplayground-${playground.label}.log`),
        );
    }
    if (connector)
      await writeFile(path.join(artifactsDir, 'connector.json'), JSON.stringify(connector.calls, null, 2));
  };
  const stop = async () => {
    await context?.close();
    await connector?.close();
    for (const playground of [...playgrounds].reverse()) await stopProcess(playground.process);
    if (bot) await stopProcess(bot);
    await saveLogs();
    await rm(tempDir, { recursive: true, force: true });
  };
  try {
    const botPort = await freePort();
    // Empty app id: local mode, as `npm start` on a laptop; explicit values win over a developer's .env.
    bot = startProcess(
      'npm',
      ['start'],
      {
        PORT: String(botPort),
        DATA_DIR: dataDir,
        SIMULATOR_RELEASE_DELAY_S: '2',
        TENANT_MODE: 'simulated',
        MicrosoftAppId: '',
        MicrosoftAppPassword: '',
        ...options.botEnv,
      },
      ROOT,
    );
    const botUrl = `http://127.0.0.1:${botPort}`;
    await waitUntilUp(`${botUrl}/healthz`, STARTUP_TIMEOUT_MS, bot);
    const started = bot;

    context = await chromium.launchPersistentContext(path.join(tempDir, 'chromium'), {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 1000 },
    });
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
    const browser = context;

    if (options.tapConnector) connector = await ConnectorTap.start(botUrl);
    const tap = connector;
    let firstUrl: string | undefined;
    const openPlayground = async (role: PlaygroundRole | 'stock'): Promise<PlaygroundPage> => {
      const first = firstUrl === undefined;
      const launch = preparePlayground({
        botEndpoint: first && tap ? tap.appEndpoint : `${botUrl}/api/messages`,
        port: await freePort(),
        workDir: path.join(tempDir, `playground-${role}`),
        ...(role === 'stock' ? { stock: true } : { role }),
      });
      const running = startProcess(launch.command, launch.args, launch.env, launch.cwd);
      playgrounds.push({ label: role, process: running, logFile: launch.logFile });
      const url = `http://127.0.0.1:${await playgroundPort(running)}`;
      await waitUntilUp(`${url}/_debug/ping`, STARTUP_TIMEOUT_MS, running);
      if (first) {
        firstUrl = url;
        tap?.connectTo(url);
      }
      const tab = browser.pages().find((p) => p.url() === 'about:blank') ?? (await browser.newPage());
      const page = new PlaygroundPage(tab, shots);
      await page.open(url);
      return page;
    };

    const page = await openPlayground(options.stockPlayground ? 'stock' : 'agent');
    const botId = (playgroundConfig('') as { bot: { id: string } }).bot.id;
    return {
      dataDir,
      botUrl,
      botOutput: started.output,
      page,
      playground: new PlaygroundApi(firstUrl ?? '', botId),
      connector,
      openPlayground,
      artifactsDir,
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
