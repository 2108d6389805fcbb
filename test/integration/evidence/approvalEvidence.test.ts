// Evidence before approval, over HTTP with the simulator: the compromise check's findings (forwarding, an
// inbox rule that forwards and deletes, Identity Protection risk, a recent app consent) are a checklist on
// the approval card; Approve stays disabled, and is refused on the server, until each one is fixed from the
// card (confirmed, audited, done in the simulated tenant) or waived with a reason.
import { strict as assert } from 'node:assert';
import { approvalCardIn, requestUnblock } from '../../support/flows.js';
import { approvalAction, evidenceAction } from '../../support/signedCards.js';
import { type Card, cardText, findAction, type TeamsChat } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

const fastWorker = {
  RESUME_POLL_INTERVAL_S: '0.2',
  WORKER_POLL_INTERVAL_MS: '20',
  SIMULATOR_RELEASE_DELAY_S: '1',
};

/** The Approve action of a card, with its isEnabled. */
function approveAction(card: Card | null): { isEnabled?: boolean } | undefined {
  return card ? (findAction(card, 'approval.approve') as { isEnabled?: boolean } | undefined) : undefined;
}

describe('evidence on the approval card', () => {
  let t: TestApp;
  let requestId: string;
  let approverView: Card;
  let patti: TeamsChat;
  const approver = () => patti;

  beforeEach(async () => {
    t = await startTestApp(fastWorker);
    patti = t.chat(people.approver);
    await patti.say('help');
    requestId = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    const { card } = await approvalCardIn(t.connector, patti.conversationId, requestId);
    const view = await patti.click('approval.refresh', {}, card);
    assert.ok(view.card);
    approverView = view.card;
  });
  afterEach(async () => {
    await t.stop();
  });

  it('lists forwarding and inbox-rule findings (and risk, consents) and keeps Approve disabled', async () => {
    const text = cardText(approverView);
    assert.match(text, /Before approving/);
    assert.match(text, /⚠ Mailbox forwarding to rob\.young\.archive@outlook-mailbox\.example/);
    assert.match(
      text,
      /⚠ Inbox rule "\." forwards mail to rob\.young\.archive@outlook-mailbox\.example and deletes it/,
    );
    assert.match(text, /⚠ Identity Protection: high risk, 1 risk detection /);
    assert.match(text, /⚠ Apps the user consented to in the last 7 days: Mail Sync Pro/);
    assert.doesNotMatch(text, /Newsletter cleanup/, 'a rule that only moves mail is not suspicious');
    assert.equal(approveAction(approverView)?.isEnabled, false, 'Approve is disabled');
    assert.ok(findAction(approverView, 'evidence.fix'), 'a fix is offered');
    // The status view everyone sees lists the same findings, without buttons.
    const { card: status } = await approvalCardIn(t.connector, approver().conversationId, requestId);
    assert.match(cardText(status), /⚠ Mailbox forwarding/);
    assert.equal(findAction(status, 'evidence.fix'), undefined);
  });

  it('refuses Approve on the server while a finding is open, whatever the card shows', async () => {
    const patti = approver();
    const res = await patti.post(
      patti.invokeActivity(await approvalAction(t, requestId, 'approval.approve')),
    );
    const card = (res.body as { value: Card }).value;
    assert.match(cardText(card), /Approve works once every suspicious finding is fixed or waived/);
    assert.equal((await t.app.store.requests.get(requestId))?.state, 'pending_approval');
    const refusal = (await t.app.store.audit.listForRequest(requestId)).find(
      (e) => e.action === 'approval.refused',
    );
    assert.equal(refusal?.detail.reason, 'unresolved-findings');
    await t.app.worker?.drain();
    assert.equal(
      (t.app.simulator?.calls() ?? []).filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress').length,
      0,
    );
  });

  it('disables the inbox rule in the tenant when the approver confirms the fix, and records it', async () => {
    const patti = approver();
    const rule = (t.app.simulator?.inboxRules('rob@contoso.com') ?? []).find((r) => r.displayName === '.');
    assert.equal(rule?.isEnabled, true);
    const asked = await patti.click('Disable rule', {}, approverView);
    assert.match(cardText(asked.card), /Disable the inbox rule "\." in the mailbox of Rob Young/);
    assert.equal(
      t.app.simulator?.inboxRules('rob@contoso.com')?.find((r) => r.id === rule?.id)?.isEnabled,
      true,
      'nothing happens before the confirmation',
    );
    const done = await patti.click('evidence.confirmFix', {}, asked.card);
    const after = t.app.simulator?.inboxRules('rob@contoso.com')?.find((r) => r.id === rule?.id);
    assert.equal(after?.isEnabled, false, 'the rule is off in the tenant');
    assert.match(cardText(done.card), /✓ Inbox rule "\."[^\n]*: fixed by Patti Fernandez/);
    const fixed = (await t.app.store.audit.listForRequest(requestId)).find(
      (e) => e.action === 'finding.fixed',
    );
    assert.equal(fixed?.actor?.name, 'Patti Fernandez');
    assert.equal(fixed?.detail.fix, 'disable-rule');
    // Everyone's copy of the card shows it too.
    const { sent } = await approvalCardIn(t.connector, patti.conversationId, requestId);
    await t.connector.waitFor(
      (a) =>
        a.method === 'PUT' &&
        a.activityId === sent.assignedId &&
        /fixed by Patti Fernandez/.test(JSON.stringify(a.activity)),
    );
  });

  it('removes mailbox forwarding and revokes sessions from the card', async () => {
    const patti = approver();
    let card: Card | null = approverView;
    for (const button of ['Remove forwarding', 'Revoke sessions']) {
      const asked = await patti.click(button, {}, card);
      const done = await patti.click('evidence.confirmFix', {}, asked.card);
      card = done.card;
    }
    const rob = t.app.simulator?.findUser('rob@contoso.com');
    assert.equal(rob?.forwardingSmtpAddress, null, 'forwarding removed in the tenant');
    assert.ok(rob?.sessionsRevokedAt, 'sessions revoked in the tenant');
    const request = await t.app.store.requests.get(requestId);
    assert.equal(request?.checks?.sessionsRevoked, true);
    assert.deepEqual(
      request?.resolutions?.map((r) => [r.finding, r.kind]),
      [
        ['forwarding', 'fixed'],
        ['sign-in-risk', 'fixed'],
      ],
    );
  });

  it('accepts a waiver only with a reason, then enables Approve once nothing is open', async () => {
    const patti = approver();
    const asked = await patti.click('evidence.waive', {}, approverView);
    assert.match(cardText(asked.card), /Why is this finding acceptable/);
    const empty = await patti.click('evidence.confirmWaive', { reason: ' ' }, asked.card);
    assert.match(cardText(empty.card), /Give a reason of at least 3 characters/);
    assert.match(
      cardText(empty.card),
      /Why is this finding acceptable/,
      'the waiver stays open for the reason',
    );
    assert.equal((await t.app.store.requests.get(requestId))?.resolutions, undefined);
    const back = await patti.click('evidence.back', {}, empty.card);
    assert.doesNotMatch(cardText(back.card), /Why is this finding acceptable/, 'Back closes the panel');
    assert.ok(back.card && findAction(back.card, 'evidence.waive'), 'the checklist is back');

    let card: Card | null = back.card;
    while (card && findAction(card, 'evidence.waive')) {
      const panel = await patti.click('evidence.waive', {}, card);
      card = (
        await patti.click('evidence.confirmWaive', { reason: 'Forwarding to his own archive' }, panel.card)
      ).card;
    }
    assert.match(cardText(card), /waived by Patti Fernandez: Forwarding to his own archive/);
    assert.equal(approveAction(card)?.isEnabled, true, 'Approve is enabled');
    const approved = await patti.click('Approve', {}, card);
    assert.match(cardText(approved.card), /Status: (approved|being unblocked|unblocked)/);
  });

  it('refuses a fix or a waiver from someone who is not an approver: nothing changes in the tenant', async () => {
    const outsider = t.chat(people.nonApprover);
    const answer = async (verb: string, inputs: Record<string, unknown> = {}) => {
      const res = await outsider.post(
        outsider.invokeActivity(await evidenceAction(t, requestId, 'forwarding', verb, inputs)),
      );
      return cardText((res.body as { value: Card }).value);
    };
    assert.match(await answer('evidence.confirmFix'), /Only members of the approvers group/);
    assert.ok(t.app.simulator?.findUser('rob@contoso.com')?.forwardingSmtpAddress, 'forwarding kept');
    assert.match(
      await answer('evidence.confirmWaive', { reason: 'looks fine to me' }),
      /Only members of the approvers group/,
    );
    assert.equal((await t.app.store.requests.get(requestId))?.resolutions, undefined);
    assert.equal(
      (await t.app.store.audit.listForRequest(requestId)).filter((e) => e.action === 'approval.refused')
        .length,
      2,
    );
  });

  it('shows a clean account with no checklist to clear: Approve enabled at once', async () => {
    const patti = approver();
    const diego = await requestUnblock(t.chat(people.agent2), 'diego@contoso.com');
    const { card } = await approvalCardIn(t.connector, patti.conversationId, diego);
    const view = await patti.click('approval.refresh', {}, card);
    assert.doesNotMatch(cardText(view.card), /⚠/);
    assert.equal(approveAction(view.card)?.isEnabled, true);
  });
});
