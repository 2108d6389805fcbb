// Card button data as the bot signs it (src/bot/cardSigning.ts), for tests that click a button without
// holding the card: the key is the one the app generated and keeps in its store.
import {
  approvalActionParts,
  createCardSigner,
  evidenceActionParts,
  loadCardSigningKey,
  runbookActionParts,
} from '../../src/bot/cardSigning.js';
import type { TestApp } from './testApp.js';

export interface ExecuteValue {
  action: { type: 'Action.Execute'; verb: string; data: Record<string, unknown> };
}

async function signerOf(t: TestApp) {
  return createCardSigner(await loadCardSigningKey(t.app.store.state, undefined));
}

/** The invoke value of an approval card button for `requestId`, correctly signed. */
export async function approvalAction(
  t: TestApp,
  requestId: string,
  verb: string,
  inputs: Record<string, unknown> = {},
): Promise<ExecuteValue> {
  const sig = (await signerOf(t)).sign(...approvalActionParts(requestId, verb));
  return { action: { type: 'Action.Execute', verb, data: { requestId, sig, ...inputs } } };
}

/** The invoke value of a runbook card button, correctly signed. */
export async function runbookAction(
  t: TestApp,
  runbookId: string,
  step: string,
  verb: string,
  inputs: Record<string, unknown> = {},
): Promise<ExecuteValue> {
  const sig = (await signerOf(t)).sign(...runbookActionParts(runbookId, step, verb));
  return { action: { type: 'Action.Execute', verb, data: { runbookId, step, sig, ...inputs } } };
}

/** The invoke value of an evidence checklist button (fix, waive, confirm …) for one finding, signed. */
export async function evidenceAction(
  t: TestApp,
  requestId: string,
  finding: string,
  verb: string,
  inputs: Record<string, unknown> = {},
): Promise<ExecuteValue> {
  const sig = (await signerOf(t)).sign(...evidenceActionParts(requestId, finding, verb));
  return { action: { type: 'Action.Execute', verb, data: { requestId, finding, sig, ...inputs } } };
}
