// Common conversations for tests: an agent takes a user through the runbook up to "Unblock requested".
import { strict as assert } from 'node:assert';
import type { FakeConnector, RecordedActivity } from './fakeConnector.js';
import { approvalAction } from './signedCards.js';
import { type Card, cardsIn, cardText, type TeamsChat } from './teams.js';
import { people, type TestApp } from './testApp.js';

/** Runs the runbook for `address` with "already reset" and no session revoke; returns the request id. */
export async function requestUnblock(chat: TeamsChat, address: string): Promise<string> {
  await chat.say(`unblock ${address}`);
  await chat.click('runbook.passwordAlreadyReset');
  await chat.click('runbook.restrictionContinue');
  await chat.click('runbook.checksContinue');
  const confirm = await chat.click('runbook.unblock');
  const done = await chat.click('runbook.confirm', {}, confirm.card);
  const text = cardText(done.card);
  assert.match(text, /waiting for approval/, text);
  const id = /Request\n([0-9a-f-]{36})/.exec(text)?.[1];
  assert.ok(id, `request id on the card:\n${text}`);
  return id;
}

/** The newest approval card posted to a conversation, waiting for it if needed. */
export async function approvalCardIn(
  connector: FakeConnector,
  conversationId: string,
  requestId: string,
  timeoutMs = 10_000,
): Promise<{ card: Card; sent: RecordedActivity }> {
  const sent = await connector.waitFor(
    (a) =>
      a.method === 'POST' &&
      a.conversationId === conversationId &&
      JSON.stringify(a.activity).includes(requestId) &&
      JSON.stringify(a.activity).includes('approval.'),
    timeoutMs,
  );
  const [card] = cardsIn(sent.activity);
  assert.ok(card);
  return { card, sent };
}

/** The seeded approver clicks Approve on a request (their own chat, no card needed: signed ids only). */
export async function approve(t: TestApp, requestId: string) {
  const approver = t.chat(people.approver);
  return approver.post(approver.invokeActivity(await approvalAction(t, requestId, 'approval.approve')));
}
