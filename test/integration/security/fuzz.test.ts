// Fuzzes the running server over HTTP with malformed and hostile activities and invokes (fast-check, seeded):
// nothing may answer 5xx, leak a stack trace or a path, pollute Object.prototype or grow memory without
// bound, and a real request must still work afterwards. Replay a run with FUZZ_SEED=<seed>; FUZZ_CASES
// changes the number of cases (default 10,000).
import { strict as assert } from 'node:assert';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import fc from 'fast-check';
import { approvalCardIn, requestUnblock } from '../../support/flows.js';
import {
  type HostileCase,
  type HostileContext,
  hostileCase,
  type LiveAction,
  type LiveCard,
} from '../../support/hostileActivities.js';
import { type Card, cardsIn, cardText, type TeamsPerson } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
// A fixed seed keeps `npm test` reproducible; FUZZ_SEED=random explores new cases (and prints the seed).
const SEED =
  process.env.FUZZ_SEED === 'random'
    ? Math.floor(Math.random() * 2 ** 31)
    : Number(process.env.FUZZ_SEED ?? 1335621188);
const IN_FLIGHT = 8;
const CHUNK = 500;

const STACK_FRAME = /\bat [^\n]*?\(?[^\s()]*\.[cm]?[jt]sx?:\d+(?::\d+)?\)?/;
const SOURCE_LINE = /\.[cm]?tsx?:\d+/;

/** The garbage collector, also when node was started without --expose-gc. */
function collectGarbage(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

function memory(gc: (() => void) | null): { rss: number; heapUsed: number } {
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

const MB = 1024 * 1024;

interface Outcome {
  status: number;
  text: string;
}

async function post(url: string, c: HostileCase): Promise<Outcome> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': c.contentType },
    body: c.body,
  });
  return { status: res.status, text: await res.text() };
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
}

function prototypeSnapshot(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((p) => Object.getOwnPropertyNames(p).sort().join(','))
    .join('|');
}

/** Every Action.Execute button on a card, with the (signed) data it carries. */
function actionsOn(card: Card | null | undefined): LiveAction[] {
  const actions: LiveAction[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Execute' && typeof n.verb === 'string')
        actions.push({ verb: n.verb, data: (n.data as Record<string, unknown>) ?? {} });
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  assert.ok(actions.length > 0, `buttons on the card:\n${cardText(card)}`);
  return actions;
}

describe('fuzzing /api/messages with hostile activities', function () {
  this.timeout(240_000);
  let t: TestApp;

  before(async () => {
    t = await startTestApp({
      WORKER_POLL_INTERVAL_MS: '100',
      RESUME_POLL_INTERVAL_S: '1',
      // The per-person rate limit would answer most of the fuzz with "slow down" before any handler saw it.
      USER_RATE_LIMIT_PER_MIN: '1000000',
    });
  });
  after(async () => {
    await t?.stop();
  });

  /** Cards waiting for a click: runbooks at different steps and an approval, so clicks carry signed data. */
  async function sendLiveCards(): Promise<LiveCard[]> {
    const openings: [TeamsPerson, string][] = [
      [people.agent, 'unblock nobody-by-this-name'], // asks who: runbook.search with hostile queries
      [people.agent2, 'rob is blocked'], // choose among candidates: runbook.chooseUser with hostile ids
      [people.agent, 'unblock diego@contoso.com'], // the password step
      [people.agent2, 'unblock lee.gu@contoso.com'], // a synced user
      [people.nonApprover, 'hello'],
    ];
    const cards: LiveCard[] = [];
    for (const [person, text] of openings) {
      const chat = t.chat(person);
      const sent = await chat.say(text);
      cards.push({ conversationId: chat.conversationId, person, actions: actionsOn(sent.at(-1)) });
    }
    const approver = t.chat(people.approver);
    await approver.say('help');
    const requestId = await requestUnblock(t.chat(people.agent2), 'adele.vance@contoso.com');
    const { card } = await approvalCardIn(t.connector, approver.conversationId, requestId);
    const view = await approver.click('approval.refresh', {}, card);
    cards.push({
      conversationId: approver.conversationId,
      person: people.approver,
      actions: actionsOn(view.card),
    });
    return cards;
  }

  it('answers 10,000 malformed and hostile activities without a 5xx, a leak, a stack trace or pollution', async () => {
    const started = Date.now();
    console.log(`      fuzz seed ${SEED}, ${CASES} cases (replay: FUZZ_SEED=${SEED})`);
    const ctx: HostileContext = {
      serviceUrl: t.connector.url,
      tenantId: t.app.tenantId,
      people: Object.values(people),
      liveCards: await sendLiveCards(),
      maxBodyBytes: 256 * 1024,
    };
    const arbitrary = hostileCase(ctx);
    const internalPaths = [process.cwd(), path.resolve(t.dataDir), 'node_modules'];
    const prototypesBefore = prototypeSnapshot();
    const gc = collectGarbage();
    const statuses = new Map<string, number>();
    const failures: string[] = [];
    const errorLogs = new Map<string, number>();
    let baseline: { rss: number; heapUsed: number } | null = null;

    for (let chunk = 0; chunk * CHUNK < CASES; chunk++) {
      const size = Math.min(CHUNK, CASES - chunk * CHUNK);
      const cases = fc.sample(arbitrary, { numRuns: size, seed: SEED + chunk });
      await pool(cases, IN_FLIGHT, async (c, i) => {
        const where = `case ${chunk * CHUNK + i} (${c.kind}, seed ${SEED})`;
        let outcome: Outcome;
        try {
          outcome = await post(t.url, c);
        } catch (error) {
          failures.push(`${where}: request failed: ${String(error)}\n  body: ${c.body.slice(0, 300)}`);
          return;
        }
        const key = `${c.kind} ${outcome.status}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        const problems: string[] = [];
        if (outcome.status >= 500) problems.push(`HTTP ${outcome.status}`);
        if (STACK_FRAME.test(outcome.text) || SOURCE_LINE.test(outcome.text)) problems.push('stack trace');
        for (const p of internalPaths)
          if (outcome.text.includes(p) && !c.body.includes(p)) problems.push(`internal path ${p}`);
        if (problems.length > 0 && failures.length < 20) {
          failures.push(
            `${where}: ${problems.join(', ')}\n  body: ${c.body.slice(0, 400)}\n  response: ${outcome.text.slice(0, 400)}`,
          );
        }
      });
      // The connector and the log lines live in this process too: inspect, then drop them.
      for (const sent of t.connector.activities) {
        const text = JSON.stringify(sent.activity);
        if (STACK_FRAME.test(text) || SOURCE_LINE.test(text))
          failures.push(`a stack trace was sent to ${sent.conversationId}: ${text.slice(0, 400)}`);
      }
      for (const line of t.logLines) {
        if (!line.startsWith('{"level":50') && !line.startsWith('{"level":60')) continue;
        const msg = /"msg":"([^"]*)"/.exec(line)?.[1] ?? line.slice(0, 120);
        const err = /"err":\{"type":"([^"]*)","message":"([^"]{0,120})/.exec(line);
        const label = `${msg}${err ? ` — ${err[1]}: ${err[2]}` : ''}`;
        errorLogs.set(label, (errorLogs.get(label) ?? 0) + 1);
      }
      t.connector.clear();
      t.logLines.length = 0;
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype polluted');
      // Collecting after every chunk keeps the heap's high-water mark (and so rss) a measure of what stays.
      const sample = memory(gc);
      if (chunk === 0) baseline = sample;
    }
    const elapsed = (Date.now() - started) / 1000;
    const after = memory(gc);

    const summary = [...statuses.entries()].sort().map(([k, n]) => `${k}: ${n}`);
    console.log(
      `      ${CASES} cases in ${elapsed.toFixed(1)} s; ${summary.join(', ')}\n` +
        `      memory after the first ${CHUNK}: rss ${((baseline?.rss ?? 0) / MB) | 0} MB, heap ${((baseline?.heapUsed ?? 0) / MB) | 0} MB; ` +
        `at the end: rss ${(after.rss / MB) | 0} MB, heap ${(after.heapUsed / MB) | 0} MB (gc ${gc ? 'forced' : 'unavailable'})` +
        (errorLogs.size > 0
          ? `\n      error logs: ${[...errorLogs.entries()].map(([k, n]) => `${n}× ${k}`).join('\n        ')}`
          : ''),
    );

    assert.deepEqual(failures, [], failures.join('\n'));
    // A turn that throws still answers 200 (botbuilder's onTurnError), so crashes inside turns show only here.
    assert.deepEqual([...errorLogs.keys()], [], 'no turn failed on hostile input');
    assert.equal(prototypeSnapshot(), prototypesBefore, 'no property was added to a built-in prototype');
    for (const key of ['polluted', 'isAdmin'])
      assert.equal(({} as Record<string, unknown>)[key], undefined, `Object.prototype.${key}`);
    assert.equal(typeof {}.toString, 'function');
    assert.ok(baseline);
    const heapBound = gc ? 64 * MB : 256 * MB;
    assert.ok(
      after.heapUsed - baseline.heapUsed < heapBound,
      `heap grew by ${((after.heapUsed - baseline.heapUsed) / MB) | 0} MB`,
    );
    const rssBound = gc ? 256 * MB : 512 * MB;
    assert.ok(after.rss - baseline.rss < rssBound, `rss grew by ${((after.rss - baseline.rss) / MB) | 0} MB`);
  });

  it('still takes a real request afterwards: "unblock rob@contoso.com" gets the password card', async () => {
    const health = await fetch(`${t.url}/healthz`);
    assert.equal(health.status, 200);
    const [card] = await t.chat(people.agent).say('unblock rob@contoso.com');
    assert.match(cardText(card), /Reset the password now/);
  });
});

describe('hostile text typed by people is shown verbatim', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t?.stop();
  });

  it('does not expand card-template expressions in a searched name', async () => {
    const chat = t.chat(people.agent);
    await chat.say('unblock nobody-by-this-name');
    const typed = ['$', '{json($root)} <script>x</script> **bold**'].join('');
    const found = await chat.click('runbook.search', { query: typed });
    const text = cardText(found.card ?? found.messages[0]);
    assert.ok(text.includes(`no user matching "${typed}"`), text);
  });

  it('does not expand card-template expressions in an approver’s comment', async () => {
    const agent = t.chat(people.agent);
    const approver = t.chat(people.approver);
    await approver.say('help');
    const requestId = await requestUnblock(agent, 'rob@contoso.com');
    const { card } = await approvalCardIn(t.connector, approver.conversationId, requestId);
    const view = await approver.click('approval.refresh', {}, card);
    const comment = ['$', '{requester.name} $', '{string(1+1)} **bold** <b>x</b>'].join('');
    const rejected = await approver.click('Reject', { comment }, view.card);
    assert.ok(cardText(rejected.card).includes(comment), cardText(rejected.card));
    const note = await t.connector.waitFor(
      (a) =>
        a.conversationId === agent.conversationId && /rejected the unblock/.test(JSON.stringify(a.activity)),
    );
    assert.ok(cardText(cardsIn(note.activity)).includes(comment), JSON.stringify(note.activity));
  });
});
