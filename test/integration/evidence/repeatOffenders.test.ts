// Repeat offenders over HTTP with the simulator: an account restricted again within 7 days of an unblock is
// flagged "probably still compromised" with its history on every card; with SECURITY_APPROVER_GROUP_ID
// only its members may approve (a normal approver is refused on the server), and without it another
// approver than the previous one must approve and tick the acknowledgement.
import { strict as assert } from 'node:assert';
import { unresolvedFindings } from '../../../src/runbook/index.js';
import { SEED } from '../../../src/tenant/index.js';
import { approve, requestUnblock, waiveFindings } from '../../support/flows.js';
import { approvalAction, evidenceAction } from '../../support/signedCards.js';
import { type Card, cardsIn, cardText, findAction } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';
import { until } from '../../support/until.js';

const fast = { RESUME_POLL_INTERVAL_S: '0.2', WORKER_POLL_INTERVAL_MS: '20', SIMULATOR_RELEASE_DELAY_S: '1' };
const nestor = { id: '29:nestor', aadObjectId: SEED.users.nestedApprover.id, name: 'Nestor Wilke' };

/** Rob is unblocked once (approved by Patti) and restricted again: the second request is the one to test. */
async function restrictedAgainAfterUnblock(t: TestApp): Promise<string> {
  const first = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
  await approve(t, first);
  await until('sending resumed', async () => (await t.app.store.requests.get(first))?.state === 'resumed');
  t.app.simulator?.restrict('rob@contoso.com');
  return requestUnblock(t.chat(people.agent2), 'rob@contoso.com');
}

async function click(
  t: TestApp,
  person: typeof nestor,
  requestId: string,
  inputs: Record<string, unknown> = {},
) {
  const chat = t.chat(person);
  const res = await chat.post(
    chat.invokeActivity(await approvalAction(t, requestId, 'approval.approve', inputs)),
  );
  return cardText((res.body as { value: Card }).value);
}

describe('repeat offenders', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.stop();
  });

  it('flags a re-restriction within 7 days with its history, and only a security approver may approve it', async () => {
    t = await startTestApp({ ...fast, SECURITY_APPROVER_GROUP_ID: SEED.groups.securityLeads });
    await t.chat(people.approver).say('help');
    const requestId = await restrictedAgainAfterUnblock(t);
    const request = await t.app.store.requests.get(requestId);
    assert.equal(request?.repeat?.previous[0]?.approvedBy?.name, 'Patti Fernandez');

    // Patti's newest 1:1 chat (the approvals above opened another one) gets the card.
    const posted = await t.connector.waitFor(
      (a) =>
        a.method === 'POST' &&
        JSON.stringify(a.activity).includes(requestId) &&
        /approval\.refresh/.test(JSON.stringify(a.activity)),
    );
    const [card] = cardsIn(posted.activity) as [Card];
    const text = cardText(card);
    assert.match(
      text,
      /Probably still compromised: Rob Young \(rob@contoso\.com\) was unblocked on .* and is restricted again within 7 days/,
    );
    assert.match(
      text,
      /Unblocked .*, approved by Patti Fernandez\. Found then: mailbox forwarding \(waived\), inbox rule \(waived\)/,
    );
    assert.match(text, /Only a member of the security approvers group can approve this unblock/);
    assert.match(text, /Unblocked 1 time in the last 24 hours/);

    await waiveFindings(t, requestId);
    const refused = await click(
      t,
      { id: people.approver.id, aadObjectId: people.approver.aadObjectId, name: 'Patti Fernandez' },
      requestId,
    );
    assert.match(refused, /only a member of the security approvers group can approve it/);
    assert.equal((await t.app.store.requests.get(requestId))?.state, 'pending_approval');
    const refusal = (await t.app.store.audit.listForRequest(requestId)).find(
      (e) => e.action === 'approval.refused',
    );
    assert.equal(refusal?.detail.reason, 'needs-security-approver');

    const approved = await click(t, nestor, requestId);
    assert.match(approved, /Status: (approved|being unblocked|unblocked)/);
    assert.equal((await t.app.store.requests.get(requestId))?.decidedBy?.name, 'Nestor Wilke');
  });

  it("lets a security approver who is no approver deal with a repeat offender's findings and see its Approve, and no other request's", async () => {
    // Alex Wilber is in the security approvers group (here the helpdesk group) and not an approver.
    t = await startTestApp({ ...fast, SECURITY_APPROVER_GROUP_ID: SEED.groups.helpdesk });
    t.app.simulator?.setGroupMember(SEED.groups.helpdesk, SEED.users.nonApprover.id, true);
    const alex = t.chat(people.nonApprover);
    const waiveFirst = async (requestId: string) => {
      const [finding] = unresolvedFindings((await t.app.store.requests.get(requestId)) ?? assert.fail());
      assert.ok(finding, 'a finding to waive');
      const reason = 'Checked with Rob by phone';
      await alex.post(
        alex.invokeActivity(
          await evidenceAction(t, requestId, finding.key, 'evidence.confirmWaive', { reason }),
        ),
      );
      const after = (await t.app.store.requests.get(requestId)) ?? assert.fail();
      return after.resolutions?.some((r) => r.finding === finding.key) ?? false;
    };

    /** Whether the card Alex gets when he refreshes it offers him Approve. */
    const offersApprove = async (requestId: string) => {
      const res = await alex.post(
        alex.invokeActivity(await approvalAction(t, requestId, 'approval.refresh')),
      );
      const card = (res.body as { value: Card }).value;
      assert.match(cardText(card), /Rob Young/);
      return findAction(card, /^approval\.approve$/) !== undefined;
    };

    const first = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    assert.equal(await waiveFirst(first), false, 'not on an ordinary request');
    assert.equal(await offersApprove(first), false, 'no Approve on an ordinary request');
    await approve(t, first);
    await until('sending resumed', async () => (await t.app.store.requests.get(first))?.state === 'resumed');
    t.app.simulator?.restrict('rob@contoso.com');
    const again = await requestUnblock(t.chat(people.agent2), 'rob@contoso.com');
    assert.equal(await waiveFirst(again), true, "on the repeat offender's request");
    assert.equal(await offersApprove(again), true, "Approve on the repeat offender's card");
  });

  it('without security approvers: refuses the previous approver, and another approver until they acknowledge', async () => {
    t = await startTestApp(fast);
    const requestId = await restrictedAgainAfterUnblock(t);
    await waiveFindings(t, requestId);
    const patti = {
      id: people.approver.id,
      aadObjectId: people.approver.aadObjectId,
      name: 'Patti Fernandez',
    };
    assert.match(
      await click(t, patti, requestId, { acknowledge: 'true' }),
      /You approved the previous unblock/,
    );
    assert.match(await click(t, nestor, requestId), /Tick the acknowledgement/);
    assert.match(await click(t, nestor, requestId, { acknowledge: 'false' }), /Tick the acknowledgement/);
    assert.equal((await t.app.store.requests.get(requestId))?.state, 'pending_approval');
    const reasons = (await t.app.store.audit.listForRequest(requestId))
      .filter((e) => e.action === 'approval.refused')
      .map((e) => e.detail.reason);
    assert.deepEqual(reasons, ['previous-approver', 'needs-acknowledgement', 'needs-acknowledgement']);
    // The approver's card has the acknowledgement to tick.
    const view = await t
      .chat(nestor)
      .post(t.chat(nestor).invokeActivity(await approvalAction(t, requestId, 'approval.refresh')));
    assert.match(JSON.stringify((view.body as { value: Card }).value), /"id":"acknowledge"/);
    assert.match(
      await click(t, nestor, requestId, { acknowledge: 'true' }),
      /Status: (approved|being unblocked|unblocked)/,
    );
  });

  it('flags the case detection opens when the account is restricted again, on the helpdesk card', async () => {
    t = await startTestApp({ ...fast, DETECTION: 'on', DETECTION_POLL_INTERVAL_S: '0.2' });
    const channel = t.chat(people.agent, {
      conversationId: '19:helpdesk@thread.tacv2',
      conversationType: 'channel',
    });
    await channel.say('set helpdesk channel');
    // Diego's case (on the list at start) is continued by the agent, approved and unblocked.
    await until(
      'diego detected',
      async () => (await t.app.store.requests.listForTarget(SEED.users.diego.id)).length > 0,
    );
    const first = await requestUnblock(t.chat(people.agent2), 'diego@contoso.com');
    await approve(t, first);
    await until('sending resumed', async () => (await t.app.store.requests.get(first))?.state === 'resumed');
    t.app.simulator?.restrict('diego@contoso.com');
    const flagged = await t.connector.waitFor(
      (a) =>
        a.conversationId === channel.conversationId &&
        /Probably still compromised: Diego Siciliani/.test(JSON.stringify(a.activity)),
    );
    assert.match(JSON.stringify(flagged.activity), /approved by Patti Fernandez/);
    const cases = await t.app.store.requests.listForTarget(SEED.users.diego.id);
    assert.ok(cases.some((r) => r.detection && r.repeat && r.state === 'open'));
  });
});
