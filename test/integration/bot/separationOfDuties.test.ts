// Nobody approves their own request (docs/security.md, 7), through the bot: the requester here IS a member
// of the approvers group, so the only rule that can refuse them is separation of duties.
import { strict as assert } from 'node:assert';
import { unblockJobId } from '../../../src/requests/index.js';
import { requestUnblock, waiveFindings } from '../../support/flows.js';
import { approvalAction, evidenceAction } from '../../support/signedCards.js';
import { cardText } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

const OWN_REQUEST = /You asked for this unblock yourself, so another approver must decide it/;

describe('separation of duties', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.stop();
  });

  it('refuses an approver approving the request they asked for, says why, and records it', async () => {
    t = await startTestApp();
    const requester = t.chat(people.approver);
    const requestId = await requestUnblock(requester, 'rob@contoso.com');

    for (const verb of ['approval.approve', 'approval.reject']) {
      const res = await requester.post(requester.invokeActivity(await approvalAction(t, requestId, verb)));
      assert.equal(res.status, 200);
      const text = cardText((res.body as { value: unknown }).value);
      assert.match(text, OWN_REQUEST, verb);
      assert.doesNotMatch(text, /Only members of the approvers group/, verb);
    }
    assert.equal((await t.app.store.requests.get(requestId))?.state, 'pending_approval');
    assert.equal(await t.app.store.jobs.get(unblockJobId(requestId)), null, 'no unblock job');
    const refusals = (await t.app.store.audit.listForRequest(requestId)).filter(
      (e) => e.action === 'approval.refused',
    );
    assert.deepEqual(
      refusals.map((e) => [e.actor?.aadObjectId, e.detail.reason, e.detail.decision]),
      [
        [people.approver.aadObjectId, 'own-request', 'approve'],
        [people.approver.aadObjectId, 'own-request', 'reject'],
      ],
    );
  });

  it('refuses the requester fixing or waiving their own request’s findings, and closes the panel', async () => {
    t = await startTestApp();
    const requester = t.chat(people.approver);
    const requestId = await requestUnblock(requester, 'rob@contoso.com');
    for (const [verb, inputs] of [
      ['evidence.confirmWaive', { reason: 'my own archive' }],
      ['evidence.confirmFix', {}],
    ] as const) {
      const res = await requester.post(
        requester.invokeActivity(await evidenceAction(t, requestId, 'forwarding', verb, inputs)),
      );
      const text = cardText((res.body as { value: unknown }).value);
      assert.match(text, OWN_REQUEST, verb);
      assert.doesNotMatch(text, /Why is this finding acceptable|Remove the forwarding/, `${verb}: no panel`);
    }
    assert.equal((await t.app.store.requests.get(requestId))?.resolutions, undefined);
    assert.ok(t.app.simulator?.findUser('rob@contoso.com')?.forwardingSmtpAddress, 'forwarding kept');
  });

  it('lets the requester decide where ALLOW_SELF_APPROVAL=true (single-admin tenants)', async () => {
    t = await startTestApp({ ALLOW_SELF_APPROVAL: 'true' });
    const requester = t.chat(people.approver);
    const requestId = await requestUnblock(requester, 'rob@contoso.com');
    await waiveFindings(t, requestId);
    const res = await requester.post(
      requester.invokeActivity(await approvalAction(t, requestId, 'approval.approve')),
    );
    assert.doesNotMatch(cardText((res.body as { value: unknown }).value), OWN_REQUEST);
    assert.notEqual((await t.app.store.requests.get(requestId))?.state, 'pending_approval');
    assert.ok(await t.app.store.jobs.get(unblockJobId(requestId)), 'the unblock job is queued');
  });
});
