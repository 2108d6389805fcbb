// Card button data as the bot signs it (src/bot/cardSigning.ts), for tests that click a button without
// holding the card: the key is the one the app generated and keeps in its store, or the one it derives from
// CARD_SIGNING_SECRET (an app running in its own process).
import {
  approvalActionParts,
  cardSigningKeyFromSecret,
  createCardSigner,
  loadCardSigningKey,
  runbookActionParts,
} from '../../src/bot/cardSigning.js';
import type { TestApp } from './testApp.js';

export interface ExecuteValue {
  action: { type: 'Action.Execute'; verb: string; data: Record<string, unknown> };
}

/** An in-process app, or the CARD_SIGNING_SECRET an app process was started with. */
export type CardKeySource = Pick<TestApp, 'app'> | { cardSigningSecret: string };

async function signerOf(t: CardKeySource) {
  if ('cardSigningSecret' in t) return createCardSigner(cardSigningKeyFromSecret(t.cardSigningSecret));
  return createCardSigner(await loadCardSigningKey(t.app.store.state, undefined));
}

/** The invoke value of an approval card button for `requestId`, correctly signed. */
export async function approvalAction(
  t: CardKeySource,
  requestId: string,
  verb: string,
  inputs: Record<string, unknown> = {},
): Promise<ExecuteValue> {
  const sig = (await signerOf(t)).sign(...approvalActionParts(requestId, verb));
  return { action: { type: 'Action.Execute', verb, data: { requestId, sig, ...inputs } } };
}

/** The invoke value of a runbook card button, correctly signed. */
export async function runbookAction(
  t: CardKeySource,
  runbookId: string,
  step: string,
  verb: string,
  inputs: Record<string, unknown> = {},
): Promise<ExecuteValue> {
  const sig = (await signerOf(t)).sign(...runbookActionParts(runbookId, step, verb));
  return { action: { type: 'Action.Execute', verb, data: { runbookId, step, sig, ...inputs } } };
}
