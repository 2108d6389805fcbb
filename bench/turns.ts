// Turn cost against the echo bot: the same load generator, bodies and reply sink for both, in rounds that
// alternate the order (echo first, then ours first, …) with a second echo bot as the A/A control.

import { FakeConnector } from '../test/support/fakeConnector.js';
import { cardsIn, findAction } from '../test/support/teams.js';
import { BENCH_CONVERSATIONS, bodies, clickActivity, conversationId, messageActivity } from './activities.js';
import type { RunningBot } from './bots.js';
import { type LoadResult, runLoad } from './load.js';

export type ScenarioName = 'echo' | 'echo-aa' | 'help' | 'status' | 'step';

export interface Scenario {
  name: ScenarioName;
  label: string;
  bot: RunningBot;
  bodies: string[];
}

export interface ScenarioRun {
  scenario: ScenarioName;
  round: number;
  /** One connection: the turn's own latency, nothing queued in front of it. */
  single: LoadResult;
  /** Ten connections: throughput at saturation, and latency with queueing. */
  loaded: LoadResult;
  /** Replies the sink received per turn (1 for a message turn, 0 for an invoke answered in the body). */
  repliesPerTurn: number;
}

export interface TurnTimings {
  singleSeconds: number;
  loadedSeconds: number;
  loadedConnections: number;
}

export function scenarios(
  echo: RunningBot,
  echoAA: RunningBot,
  ours: RunningBot,
  sinkUrl: string,
  staleClicks: string[],
): Scenario[] {
  return [
    {
      name: 'echo',
      label: 'echo bot: message',
      bot: echo,
      bodies: bodies((i) => messageActivity(i, sinkUrl, 'help')),
    },
    {
      name: 'help',
      label: 'ours: "help" message',
      bot: ours,
      bodies: bodies((i) => messageActivity(i, sinkUrl, 'help')),
    },
    {
      name: 'status',
      label: 'ours: "status" message',
      bot: ours,
      bodies: bodies((i) => messageActivity(i, sinkUrl, 'status')),
    },
    {
      name: 'step',
      label: 'ours: Action.Execute (stale step)',
      bot: ours,
      bodies: staleClicks,
    },
    {
      name: 'echo-aa',
      label: 'echo bot B: message (A/A)',
      bot: echoAA,
      bodies: bodies((i) => messageActivity(i, sinkUrl, 'help')),
    },
  ];
}

async function sinkReplies(sinkUrl: string): Promise<number> {
  const res = await fetch(`${sinkUrl}stats`);
  const { posts, puts } = (await res.json()) as { posts: number; puts: number };
  return posts + puts;
}

export async function runScenario(
  scenario: Scenario,
  round: number,
  timings: TurnTimings,
  sinkUrl: string,
): Promise<ScenarioRun> {
  const before = await sinkReplies(sinkUrl);
  const single = await runLoad({
    url: scenario.bot.url,
    bodies: scenario.bodies,
    connections: 1,
    seconds: timings.singleSeconds,
  });
  const loaded = await runLoad({
    url: scenario.bot.url,
    bodies: scenario.bodies,
    connections: timings.loadedConnections,
    seconds: timings.loadedSeconds,
  });
  const replies = (await sinkReplies(sinkUrl)) - before;
  return {
    scenario: scenario.name,
    round,
    single,
    loaded,
    repliesPerTurn: replies / (single.requests + loaded.requests),
  };
}

/** Rounds alternate the order: echo, ours…, echo B; then echo B, …ours, echo; and so on. */
export async function runRounds(
  all: Scenario[],
  rounds: number,
  timings: TurnTimings,
  sinkUrl: string,
  log: (line: string) => void,
): Promise<ScenarioRun[]> {
  const runs: ScenarioRun[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? all : [...all].reverse();
    for (const scenario of order) {
      const run = await runScenario(scenario, round, timings, sinkUrl);
      runs.push(run);
      log(
        `  round ${round + 1} ${scenario.label}: p50 ${run.single.p50Ms.toFixed(2)} ms, ` +
          `${run.loaded.throughput.toFixed(0)} turns/s (${timings.loadedConnections} conn)` +
          (run.single.non2xx + run.loaded.non2xx + run.single.errors + run.loaded.errors > 0
            ? `, ${run.single.non2xx + run.loaded.non2xx} non-2xx, ${run.single.errors + run.loaded.errors} errors`
            : ''),
      );
    }
  }
  return runs;
}

/**
 * Starts a runbook in every bench conversation, keeps its first card ("who needs unblocking?"), and starts
 * over. Returns, per conversation, a click on the kept card's search button: a stale click that loads a
 * real, active dialog state and is answered "This step is done", with no tenant call and no request created,
 * so it can repeat under load. The card is read from an in-process fake connector, so the click carries
 * whatever the bot put on the button.
 */
export async function staleClickBodies(ours: RunningBot, sinkUrl: string): Promise<string[]> {
  const connector = new FakeConnector();
  await connector.start();
  const post = async (activity: Record<string, unknown>) => {
    const res = await fetch(`${ours.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`HTTP ${res.status} from the bot: ${text}`);
    return text;
  };
  try {
    const clicks: string[] = [];
    for (let i = 0; i < BENCH_CONVERSATIONS; i++) {
      await post(messageActivity(i, connector.url, 'unblock'));
      const sent = connector.activities.filter((a) => a.conversationId === conversationId(i));
      const card = sent.flatMap((a) => cardsIn(a.activity)).pop();
      const action = card && findAction(card, 'runbook.search');
      if (!action?.verb) throw new Error(`no search button on the first card in ${conversationId(i)}`);
      await post(messageActivity(i, connector.url, 'start over'));
      // Teams merges the card's input (the name typed) into the button's data.
      const again = clickActivity(i, sinkUrl, action.verb, { ...action.data, query: 'rob' });
      const answer = await post(again);
      if (!answer.includes('This step is done'))
        throw new Error(`a second click did not answer "This step is done": ${answer}`);
      clicks.push(JSON.stringify(again));
    }
    return clicks;
  } finally {
    await connector.stop();
  }
}

/** Exactly `turns` turns, cycling through the given bodies, with ten connections. */
export function runTurns(
  bot: RunningBot,
  allBodies: string[],
  turns: number,
  connections: number,
): Promise<LoadResult> {
  return runLoad({ url: bot.url, bodies: allBodies, connections, amount: turns });
}
