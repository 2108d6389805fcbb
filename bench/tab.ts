// The Requests tab's API with 100,000 requests in the store, against the message turn of the same app in
// the same run: one app process (as `npm start` runs it) on a seeded SQLite file, a simulator in the bench
// process signing the single sign-on tokens, and sequential calls at one connection for latency.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/index.js';
import { LOCAL_TAB_APP_ID, LOCAL_TAB_DOMAIN } from '../src/tab/index.js';
import { SEED, TenantSimulator } from '../src/tenant/index.js';
import { messageActivity } from './activities.js';
import { compiledApp, startBot } from './bots.js';
import { requestIn } from './requests.js';

export interface TabCall {
  name: string;
  label: string;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** p50 over the message turn's p50 in the same run. */
  p50Ratio: number;
}

export interface TabBench {
  requests: number;
  callsEach: number;
  seedSeconds: number;
  calls: TabCall[];
}

const STATES = ['resumed', 'rejected', 'pending_approval', 'waiting_resume', 'failed'] as const;

/** 100,000 requests over a year from 40 agents for 5,000 users, a few percent of them still open. */
function seed(dataDir: string, count: number): string {
  openSqliteStore({ dataDir }).close();
  const db = new Database(path.join(dataDir, 'unblock-assistant.db'));
  const insert = db.prepare(
    `INSERT INTO requests (id, version, state, target_user_id, created_at, updated_at, doc)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const audit = db.prepare('INSERT INTO audit (request_id, at, doc) VALUES (?, ?, ?)');
  const start = Date.now() - 365 * 24 * 3600_000;
  let last = '';
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const state =
        STATES[i % 97 === 0 ? 2 : i % 53 === 0 ? 3 : i % 31 === 0 ? 4 : i % 10 === 0 ? 1 : 0] ?? 'resumed';
      const at = new Date(start + i * 5 * 60_000);
      const request = requestIn({
        state: state === 'failed' ? 'rejected' : state,
        address: `user${i % 5000}@contoso.com`,
        conversationId: `a:1history${i % 40}`,
        requester: {
          aadObjectId:
            i % 40 === 0
              ? SEED.users.agent.id
              : `00000000-0000-4000-8000-${String(i % 40).padStart(12, '0')}`,
          name: i % 40 === 0 ? 'Megan Bowen' : `Agent ${i % 40}`,
        },
        at,
      });
      const stored =
        state === 'failed'
          ? { ...request, state: 'failed' as const, failure: 'retries-exhausted' as const }
          : request;
      insert.run(
        stored.id,
        stored.version,
        stored.state,
        stored.target.id,
        stored.createdAt,
        stored.updatedAt,
        JSON.stringify(stored),
      );
      // A timeline of a dozen entries for every request, as a request that went all the way has.
      for (let e = 0; e < 12; e++) {
        const event = {
          requestId: stored.id,
          at: at.toISOString(),
          actor: e < 6 ? stored.requester : null,
          action: e === 0 ? 'request.created' : 'request.transition',
          fromState: null,
          toState: stored.state,
          conversationId: e < 6 ? stored.conversationId : null,
          detail: {},
        };
        audit.run(stored.id, event.at, JSON.stringify(event));
      }
      last = stored.id;
    }
  })();
  db.close();
  return last;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timeCalls(count: number, call: (i: number) => Promise<Response>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count + 20; i++) {
    const started = performance.now();
    const response = await call(i);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    if (i >= 20) times.push(performance.now() - started); // the first 20 warm up
  }
  return times.sort((a, b) => a - b);
}

export async function measureTab(
  count: number,
  callsEach: number,
  sinkUrl: string,
  log: (line: string) => void,
): Promise<TabBench> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'unblock-bench-tab-'));
  const simulator = new TenantSimulator({ releaseDelayMs: 1000 });
  await simulator.start();
  try {
    const seeded = performance.now();
    const newest = seed(path.join(scratch, 'data'), count);
    const seedSeconds = (performance.now() - seeded) / 1000;
    log(
      `  seeded ${count.toLocaleString('en')} requests (12 audit entries each) in ${seedSeconds.toFixed(1)} s`,
    );
    const compiled = compiledApp();
    const app = await startBot(
      'ours (tab)',
      compiled.script,
      {
        DATA_DIR: path.join(scratch, 'data'),
        TENANT_MODE: 'simulated',
        SIMULATOR_URL: simulator.baseUrl,
        WORKER: 'off',
        MicrosoftAppId: '',
        USER_RATE_LIMIT_PER_MIN: '1000000',
        LOG_LEVEL: 'warn',
      },
      compiled.nodeArgs,
    );
    try {
      const audience = `api://${LOCAL_TAB_DOMAIN}/${LOCAL_TAB_APP_ID}`;
      const token = simulator.userToken(SEED.users.approver.id, { audience }) ?? '';
      const helpdesk = simulator.userToken(SEED.users.agent.id, { audience }) ?? '';
      const get = (url: string, bearer = token) =>
        fetch(`${app.url}${url}`, { headers: { authorization: `Bearer ${bearer}` } });
      const first = (await (await get('/api/tab/requests?limit=25')).json()) as { next: string };
      const deep = (await (
        await get(`/api/tab/requests?limit=25&after=${encodeURIComponent(first.next)}`)
      ).json()) as { next: string };
      let after = deep.next;
      // 2,000 pages in: the keyset cursor costs what page 1 does.
      for (let page = 0; page < 40; page++) {
        const next = (await (
          await get(`/api/tab/requests?limit=100&after=${encodeURIComponent(after)}`)
        ).json()) as { next: string };
        after = next.next;
      }
      const scenarios: { name: string; label: string; call: (i: number) => Promise<Response> }[] = [
        {
          name: 'turn',
          label: 'Message turn "help" (same app, for comparison)',
          call: (i) =>
            fetch(`${app.url}/api/messages`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(messageActivity(i % 200, sinkUrl, 'help')),
            }),
        },
        { name: 'list', label: 'List, newest 25 (approver)', call: () => get('/api/tab/requests') },
        {
          name: 'list-deep',
          label: 'List, a page 4,000 requests deep',
          call: () => get(`/api/tab/requests?after=${encodeURIComponent(after)}`),
        },
        {
          name: 'list-state',
          label: 'List, waiting for approval',
          call: () => get('/api/tab/requests?state=pending_approval'),
        },
        {
          name: 'list-search',
          label: 'List, search "user42" (100+ matches)',
          call: () => get('/api/tab/requests?q=user42'),
        },
        {
          name: 'list-common',
          label: 'List, search "contoso" (every request)',
          call: () => get('/api/tab/requests?q=contoso'),
        },
        {
          name: 'list-user-dates',
          label: 'List, user "user4" in one month',
          call: () => get('/api/tab/requests?user=user4&from=2026-03-01&to=2026-03-31'),
        },
        {
          name: 'list-own',
          label: 'List, helpdesk (own requests only)',
          call: () => get('/api/tab/requests', helpdesk),
        },
        {
          name: 'request',
          label: 'Request page with its timeline',
          call: () => get(`/api/tab/requests/${newest}`),
        },
        {
          name: 'changes',
          label: 'Change marker (polled by open tabs)',
          call: () => get('/api/tab/changes'),
        },
      ];
      const calls: TabCall[] = [];
      let turnP50 = 0;
      for (const scenario of scenarios) {
        const times = await timeCalls(callsEach, scenario.call);
        const p50 = percentile(times, 50);
        if (scenario.name === 'turn') turnP50 = p50;
        calls.push({
          name: scenario.name,
          label: scenario.label,
          p50Ms: p50,
          p95Ms: percentile(times, 95),
          p99Ms: percentile(times, 99),
          p50Ratio: turnP50 > 0 ? p50 / turnP50 : 1,
        });
        log(`  ${scenario.label}: p50 ${p50.toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms`);
      }
      return { requests: count, callsEach, seedSeconds, calls };
    } finally {
      await app.stop();
    }
  } finally {
    await simulator.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

export function tabMarkdown(tab: TabBench): string[] {
  const lines = [
    '',
    `#### Requests tab API with ${tab.requests.toLocaleString('en')} requests in the store`,
    '',
    `${tab.callsEach} sequential calls each at one connection after 20 warm-up calls, with a valid single sign-on ` +
      'token (verified with jose on every call, membership cached for a minute); the message turn is the same ' +
      'app process answering "help", in the same run.',
    '',
    '| Call | p50 ms | p95 ms | p99 ms | p50 × message turn |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const call of tab.calls) {
    lines.push(
      `| ${call.label} | ${call.p50Ms.toFixed(2)} | ${call.p95Ms.toFixed(2)} | ${call.p99Ms.toFixed(2)} | ${call.p50Ratio.toFixed(2)}× |`,
    );
  }
  return lines;
}
