// `npm run playground`: starts Microsoft 365 Agents Playground (a Teams-like local client) against the
// running bot, as the seeded helpdesk agent Megan Bowen in a personal chat, listening on 127.0.0.1 only.
// `-- --as approver` starts a second one, as the approver Patti Fernandez, beside it (its own port and chat):
// each person keeps their own browser tab, and the bot reaches each in their own client.
//
//   npm start                                   # in one terminal
//   npm run playground                          # in another; open the address it prints, type "unblock rob"
//   npm run playground -- --as approver         # in a third: Patti sees the request waiting and approves it
//   BOT_ENDPOINT=http://127.0.0.1:3979/api/messages PLAYGROUND_PORT=56160 npm run playground
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
/** Who the person at the keyboard is, and where their playground listens by default (the first is its own). */
const ROLES = {
  agent: { person: 'agent', port: 56150, chatId: 'a:unblock-playground-personal' },
  approver: { person: 'approver', port: 56151, chatId: 'a:unblock-playground-approver' },
} as const;
export type PlaygroundRole = keyof typeof ROLES;
export const PERSONAL_CHAT_ID = ROLES.agent.chatId;

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
 * The playground's .m365agentsplayground.yml (JSON is valid YAML) for `role` at the keyboard. Its schema
 * wants exactly five other users; they can act in the group chat and as `from` in its invoke API.
 */
export function playgroundConfig(personalChatId: string, role: PlaygroundRole = 'agent'): object {
  const currentUser = PLAYGROUND_PEOPLE[ROLES[role].person];
  return {
    version: '0.1.1',
    tenantId: SEED.tenantId,
    bot: { id: '28:unblock-assistant', name: 'Unblock Assistant' },
    currentUser,
    users: Object.values(PLAYGROUND_PEOPLE).filter((person) => person !== currentUser),
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
 * preload, no browser, no telemetry, errors logged to `workDir`/devTools/. With `stock`, no config of ours
 * at all: the playground's own defaults (tenant 00000000-…-0000000000001, user Alex Wilber), as a developer
 * gets them from `npx @microsoft/m365agentsplayground -e <endpoint> -c msteams`.
 */
export function preparePlayground(options: {
  botEndpoint: string;
  port: number;
  workDir: string;
  role?: PlaygroundRole;
  stock?: boolean;
}): PlaygroundLaunch {
  const role = options.role ?? 'agent';
  mkdirSync(options.workDir, { recursive: true });
  const logFile = path.join(options.workDir, 'devTools', 'm365agentsplayground.log');
  const env: Record<string, string> = {
    TEAMSAPPTESTER_BROWSER: 'none',
    // Application Insights runs even with --disable-telemetry; the preload refuses what it still tries.
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
  };
  const args = [
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
    '--disable-telemetry',
  ];
  if (!options.stock) {
    const configFile = path.join(options.workDir, '.m365agentsplayground.yml');
    writeFileSync(configFile, `${JSON.stringify(playgroundConfig(ROLES[role].chatId, role), null, 2)}\n`);
    env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = configFile;
    args.push('--conversation-id', ROLES[role].chatId);
  }
  return { command: process.execPath, args, env, cwd: options.workDir, logFile };
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

/** `--as agent` (the default) or `--as approver`; null for anything else. */
export function roleOf(args: string[]): PlaygroundRole | null {
  const index = args.indexOf('--as');
  if (index < 0) return 'agent';
  const role = args[index + 1];
  return role === 'agent' || role === 'approver' ? role : null;
}

async function main(): Promise<void> {
  const role = roleOf(process.argv.slice(2));
  if (role === null) {
    process.stderr.write('Usage: npm run playground [-- --as agent|approver]\n');
    process.exit(2);
  }
  const botEndpoint = process.env.BOT_ENDPOINT ?? DEFAULT_BOT_ENDPOINT;
  const port = Number(process.env.PLAYGROUND_PORT ?? ROLES[role].port);
  if (!(await answers(healthUrl(botEndpoint)))) {
    process.stderr.write(
      `The bot does not answer on ${healthUrl(botEndpoint)}.\nStart the bot first: npm start\n`,
    );
    process.exit(1);
  }
  const launch = preparePlayground({
    botEndpoint,
    port,
    role,
    workDir: path.join(ROOT, 'data', role === 'agent' ? 'playground' : `playground-${role}`),
  });
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
  const you =
    role === 'agent'
      ? `Megan Bowen (helpdesk agent, ${SEED.users.agent.upn})`
      : `Patti Fernandez (approver, ${SEED.users.approver.upn})`;
  const next =
    role === 'agent'
      ? [
          '  Type "unblock rob@contoso.com" in the chat and follow the cards.',
          '  To approve it, run `npm run playground -- --as approver` in another terminal.',
        ]
      : [
          '  Requests waiting for you appear when the chat opens: click Refresh on a card, then Approve.',
          '  The agent hears "can send email again" in their own playground.',
        ];
  process.stderr.write(
    [
      '',
      `  Microsoft 365 Agents Playground: http://127.0.0.1:${actualPort}`,
      `  bot:     ${botEndpoint}`,
      `  you are: ${you}, personal chat`,
      `  log:     ${launch.logFile}`,
      '',
      ...next,
      '  Ctrl+C stops the playground.',
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
