// `npm run playground`: starts Microsoft 365 Agents Playground (a Teams-like local client) against the
// running bot, as the seeded helpdesk agent Megan Bowen in a personal chat, listening on 127.0.0.1 only.
//
//   npm start                   # in one terminal
//   npm run playground          # in another; open the address it prints, type "unblock rob"
//   BOT_ENDPOINT=http://127.0.0.1:3979/api/messages PLAYGROUND_PORT=56151 npm run playground
//
// The playground's files (its config and devTools/m365agentsplayground.log, where its errors go) live in
// data/playground/, not in the repository root. test/e2e/harness.ts starts it the same way.
// Quirks: ../shared/reference/platform-notes.md, "Microsoft 365 Agents Playground".
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SEED } from '../src/tenant/index.js';

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
const PRELOAD = path.join(__dirname, 'playground-preload.cjs');
const DEFAULT_BOT_ENDPOINT = 'http://127.0.0.1:3978/api/messages';
/** The playground's own default port. */
const DEFAULT_PORT = 56150;
export const PERSONAL_CHAT_ID = 'a:unblock-playground-personal';

/** A person as the playground's config file describes one (its schema spells "userPrincipleName"). */
interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

function seededPerson(ref: { id: string; upn: string }, name: string): PlaygroundUser {
  const [givenName = name, surname = ''] = name.split(' ');
  // Teams user ids look like "29:…"; the bot identifies people by aadObjectId only.
  return {
    id: `29:${ref.id}`,
    name,
    userPrincipleName: ref.upn,
    aadObjectId: ref.id,
    givenName,
    surname,
    email: ref.upn,
  };
}

/** The people in the playground's tenant: Megan Bowen (the agent) is the one typing. */
export const PLAYGROUND_PEOPLE = {
  agent: seededPerson(SEED.users.agent, 'Megan Bowen'),
  agent2: seededPerson(SEED.users.agent2, 'Isaiah Langer'),
  approver: seededPerson(SEED.users.approver, 'Patti Fernandez'),
  nestedApprover: seededPerson(SEED.users.nestedApprover, 'Nestor Wilke'),
  nonApprover: seededPerson(SEED.users.nonApprover, 'Alex Wilber'),
  rob: seededPerson(SEED.users.rob, 'Rob Young'),
} as const;

/**
 * The playground's .m365agentsplayground.yml (JSON is valid YAML). Its schema wants exactly five other
 * users; they can act in the group chat and as `from` in POST /_conversation/v1/invoke.
 */
export function playgroundConfig(personalChatId: string): object {
  const { agent, ...others } = PLAYGROUND_PEOPLE;
  return {
    version: '0.1.1',
    tenantId: SEED.tenantId,
    bot: { id: '28:unblock-assistant', name: 'Unblock Assistant' },
    currentUser: agent,
    users: [others.agent2, others.approver, others.nestedApprover, others.nonApprover, others.rob],
    personalChat: { id: personalChatId },
    groupChat: { id: '19:unblock-playground-group@thread.v2', name: 'Helpdesk' },
    team: {
      id: '19:unblock-playground-team@thread.tacv2',
      name: 'Contoso IT',
      aadGroupId: SEED.groups.helpdesk,
      channels: [],
    },
  };
}

export interface PlaygroundLaunch {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  logFile: string;
}

/**
 * Writes the playground's config into `workDir` and returns how to start it: bound to 127.0.0.1 by the
 * preload, no browser, no telemetry, errors logged to `workDir`/devTools/.
 */
export function preparePlayground(options: {
  botEndpoint: string;
  port: number;
  workDir: string;
  personalChatId?: string;
}): PlaygroundLaunch {
  const personalChatId = options.personalChatId ?? PERSONAL_CHAT_ID;
  mkdirSync(options.workDir, { recursive: true });
  const configFile = path.join(options.workDir, '.m365agentsplayground.yml');
  writeFileSync(configFile, `${JSON.stringify(playgroundConfig(personalChatId), null, 2)}\n`);
  const logFile = path.join(options.workDir, 'devTools', 'm365agentsplayground.log');
  return {
    command: process.execPath,
    args: [
      '-r',
      PRELOAD,
      CLI,
      'start',
      '--app-endpoint',
      options.botEndpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(options.port),
      '--conversation-id',
      personalChatId,
      '--disable-telemetry',
    ],
    env: {
      TEAMSAPPTESTER_BROWSER: 'none',
      // Application Insights runs even with --disable-telemetry; the preload refuses what it still tries.
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    },
    cwd: options.workDir,
    logFile,
  };
}

/**
 * The port the playground really listens on, from its "Listening on <port>" line: when the requested
 * port is taken it silently picks another one.
 */
export function listeningPort(output: string): number | undefined {
  const match = /Listening on (\d+)/.exec(output);
  return match ? Number(match[1]) : undefined;
}

/** http://127.0.0.1:3978/api/messages → http://127.0.0.1:3978/healthz */
export function healthUrl(botEndpoint: string): string {
  return new URL('/healthz', botEndpoint).toString();
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

async function waitForPort(child: ChildProcess, output: () => string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const port = listeningPort(output());
    if (port !== undefined && (await answers(`http://127.0.0.1:${port}/_debug/ping`))) return port;
    if (child.exitCode !== null) throw new Error(`the playground exited (code ${child.exitCode})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the playground did not start within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  const botEndpoint = process.env.BOT_ENDPOINT ?? DEFAULT_BOT_ENDPOINT;
  const port = Number(process.env.PLAYGROUND_PORT ?? DEFAULT_PORT);
  if (!(await answers(healthUrl(botEndpoint)))) {
    process.stderr.write(
      `The bot does not answer on ${healthUrl(botEndpoint)}.\nStart the bot first: npm start\n`,
    );
    process.exit(1);
  }
  const launch = preparePlayground({ botEndpoint, port, workDir: path.join(ROOT, 'data', 'playground') });
  // Its own process group, so Ctrl+C here stops it once, through stop() below.
  const child = spawn(launch.command, launch.args, {
    cwd: launch.cwd,
    env: { ...process.env, ...launch.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  // Its stdout only repeats "Listening on" and a localhost URL that may resolve to ::1: print ours instead.
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  let failed = false;
  const stop = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code, signal) => {
    if (signal === null && code !== 0)
      process.stderr.write(`The playground stopped (exit code ${code}). Its log: ${launch.logFile}\n`);
    process.exit(failed ? 1 : signal === null ? (code ?? 1) : 0);
  });

  let actualPort: number;
  try {
    actualPort = await waitForPort(child, () => output, 30_000);
  } catch (error) {
    process.stderr.write(
      `${error instanceof Error ? error.message : String(error)}. Its log: ${launch.logFile}\n`,
    );
    failed = true;
    stop();
    return;
  }
  process.stderr.write(
    [
      '',
      `  Microsoft 365 Agents Playground: http://127.0.0.1:${actualPort}`,
      `  bot:     ${botEndpoint}`,
      `  you are: Megan Bowen (helpdesk agent, ${SEED.users.agent.upn}), personal chat`,
      `  log:     ${launch.logFile}`,
      '',
      '  Type "unblock rob" in the chat. Ctrl+C stops the playground.',
      '',
    ].join('\n'),
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`playground failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
