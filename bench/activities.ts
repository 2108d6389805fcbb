// Teams-shaped activity bodies for the load generator (the same shape test/support/teams.ts posts), spread
// over many conversations so no two concurrent turns queue behind one person's turn lock.
import { randomUUID } from 'node:crypto';
import { SEED } from '../src/tenant/index.js';

export const BENCH_CONVERSATIONS = 200;

export function conversationId(index: number): string {
  return `a:1bench${String(index).padStart(4, '0')}`;
}

/** The agent of the seeded tenant (SEED.users.agent), a different Teams user per conversation. */
function baseActivity(index: number, serviceUrl: string): Record<string, unknown> {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    from: { id: `29:bench-agent-${index}`, name: 'Megan Bowen', aadObjectId: SEED.users.agent.id },
    recipient: { id: '28:bot-id', name: 'Unblock assistant' },
    conversation: { id: conversationId(index), conversationType: 'personal', tenantId: SEED.tenantId },
    channelData: { tenant: { id: SEED.tenantId } },
  };
}

export function messageActivity(index: number, serviceUrl: string, text: string): Record<string, unknown> {
  return { ...baseActivity(index, serviceUrl), type: 'message', text, textFormat: 'plain' };
}

/**
 * A click on a button the person already clicked (a double click, or an old card): the bot loads the dialog
 * state, finds the card's step done and answers "This step is done". Repeatable, and no tenant calls.
 * `data` is the button's data as the bot built it (ids, and whatever else the bot put on it).
 */
export function clickActivity(
  index: number,
  serviceUrl: string,
  verb: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ...baseActivity(index, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** One JSON body per conversation, for the load generator to cycle through. */
export function bodies(make: (index: number) => Record<string, unknown>): string[] {
  return Array.from({ length: BENCH_CONVERSATIONS }, (_, i) => JSON.stringify(make(i)));
}
