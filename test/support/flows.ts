// Common conversations for tests: an agent takes a user through the runbook up to "Unblock requested".
import { strict as assert } from 'node:assert';
import { unresolvedFindings } from '../../src/runbook/index.js';
import type { FakeConnector, RecordedActivity } from './fakeConnector.js';
import { approvalAction, evidenceAction } from './signedCards.js';
import { type Card, cardsIn, cardText, findAction, type TeamsChat } from './teams.js';
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

/**
 * The seeded approver clicks Approve on a request (their own chat, no card needed: signed ids only), after
 * waiving whatever suspicious findings are still open (Approve is refused until then).
 */
export async function approve(t: TestApp, requestId: string) {
  await waiveFindings(t, requestId);
  const approver = t.chat(people.approver);
  return approver.post(approver.invokeActivity(await approvalAction(t, requestId, 'approval.approve')));
}

/**
 * The seeded approver waives every suspicious finding still open on a request (from the approval card's
 * checklist, with a reason), so that Approve is accepted: for tests about what happens after approval.
 */
export async function waiveFindings(
  t: TestApp,
  requestId: string,
  reason = 'Checked with the user by phone',
) {
  const approver = t.chat(people.approver);
  const request = await t.app.store.requests.get(requestId);
  assert.ok(request, `request ${requestId}`);
  // Only a pending request has findings to deal with (a late click on an ended one is a test of its own).
  if (request.state !== 'pending_approval') return;
  for (const finding of unresolvedFindings(request)) {
    const res = await approver.post(
      approver.invokeActivity(
        await evidenceAction(t, requestId, finding.key, 'evidence.confirmWaive', { reason }),
      ),
    );
    assert.equal(res.status, 200);
  }
  const after = await t.app.store.requests.get(requestId);
  assert.equal(after && unresolvedFindings(after).length, 0, 'every finding waived');
}

/**
 * An approver waives every open finding by clicking on the approval card itself (Waive, then "Waive it"
 * with a reason); returns the card as it is after the last waiver.
 */
export async function waiveOnCard(
  approver: TeamsChat,
  card: Card,
  reason = 'Checked with the user by phone',
) {
  let current = card;
  for (let i = 0; i < 20 && findAction(current, 'evidence.waive'); i++) {
    const panel = await approver.click('evidence.waive', {}, current);
    assert.ok(panel.card, 'the waiver panel');
    const waived = await approver.click('evidence.confirmWaive', { reason }, panel.card);
    assert.ok(waived.card, 'the card after the waiver');
    current = waived.card;
  }
  assert.equal(findAction(current, 'evidence.waive'), undefined, 'no finding left to waive');
  return current;
}
