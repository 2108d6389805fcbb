// An Exchange outage of Remove-BlockedSenderAddress, longer and shorter than the job retry budget
// (JOB_MAX_ATTEMPTS): a request never waits for ever. Past the budget it ends failed with what to do, the
// agent and the approval card say so, and an approver retries it from the card; within the budget it
// simply ends resumed. Either way Exchange removes the sender exactly once.
import { strict as assert } from 'node:assert';
import { approvalCardIn, approve, requestUnblock } from '../../support/flows.js';
import { approvalAction } from '../../support/signedCards.js';
import { cardsIn, cardText } from '../../support/teams.js';
import { people, startTestApp, type TestApp } from '../../support/testApp.js';

const fast = { RESUME_POLL_INTERVAL_S: '0.2', WORKER_POLL_INTERVAL_MS: '20', SIMULATOR_RELEASE_DELAY_S: '1' };
/** Retry-After: 0 keeps the live client's own retries instant; each job attempt makes 4 calls. */
const removeOutage = { status: 503 as const, retryAfterSeconds: 0, cmdlets: ['Remove-BlockedSenderAddress'] };

function successfulRemoves(t: TestApp): number {
  return (t.app.simulator?.calls() ?? []).filter(
    (c) => c.cmdlet === 'Remove-BlockedSenderAddress' && c.status < 300,
  ).length;
}

function refusedRemoves(t: TestApp): number {
  return (t.app.simulator?.calls() ?? []).filter(
    (c) => c.cmdlet === 'Remove-BlockedSenderAddress' && c.status === 503,
  ).length;
}

describe('an Exchange outage during the unblock', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.stop();
  });

  it('fails the request visibly past the retry budget, and an approver retries it from the card', async () => {
    t = await startTestApp({ ...fast, JOB_MAX_ATTEMPTS: '3', JOB_MAX_BACKOFF_S: '0.05' });
    const approver = t.chat(people.approver);
    await approver.say('help');
    const agent = t.chat(people.agent);
    const requestId = await requestUnblock(agent, 'rob@contoso.com');
    const { sent: posted } = await approvalCardIn(t.connector, approver.conversationId, requestId);
    t.app.simulator?.setFaults({ exchange: { ...removeOutage, probability: 1 } });
    await approve(t, requestId);

    const note = await t.connector.waitFor(
      (a) =>
        a.conversationId === agent.conversationId &&
        /did not complete the unblock/.test(JSON.stringify(a.activity)),
    );
    assert.match(JSON.stringify(note.activity), /An approver can retry it from the approval card/);
    const failed = await t.app.store.requests.get(requestId);
    assert.equal(failed?.state, 'failed');
    assert.equal(failed?.failure, 'retries-exhausted');
    assert.equal(successfulRemoves(t), 0);
    assert.equal(refusedRemoves(t), 3 * 4, 'three job attempts of four HTTP tries each, then no more');
    const audit = await t.app.store.audit.listForRequest(requestId);
    const failedEntry = audit.find((e) => e.toState === 'failed');
    assert.equal(failedEntry?.detail.failure, 'retries-exhausted');
    assert.equal(failedEntry?.detail.attempts, 3);

    // The approval card already sent is updated in place: failed, with the reason and a Retry for approvers.
    const updated = await t.connector.waitFor(
      (a) =>
        a.method === 'PUT' &&
        a.activityId === posted.assignedId &&
        /did not complete the unblock/.test(JSON.stringify(a.activity)),
    );
    const [updatedCard] = cardsIn(updated.activity);
    assert.match(cardText(updatedCard), /Status: failed/i);
    assert.match(
      JSON.stringify(updatedCard),
      /approval.refresh/,
      'approvers get their Retry through the refresh',
    );

    t.app.simulator?.setFaults({});
    const clicked = await approver.post(
      approver.invokeActivity(await approvalAction(t, requestId, 'approval.retry')),
    );
    assert.match(cardText((clicked.body as { value: unknown }).value), /Status: (approved|unblocking)/i);
    await t.connector.waitFor(
      (a) =>
        a.conversationId === agent.conversationId && /can send email again/.test(JSON.stringify(a.activity)),
      20_000,
    );
    const resumed = await t.app.store.requests.get(requestId);
    assert.equal(resumed?.state, 'resumed');
    assert.equal(resumed?.attempt, 2);
    assert.equal(successfulRemoves(t), 1, 'the retry removes the sender exactly once');

    // A second Retry click (a stale card) changes nothing and calls nothing.
    const again = await approver.post(
      approver.invokeActivity(await approvalAction(t, requestId, 'approval.retry')),
    );
    assert.match(cardText((again.body as { value: unknown }).value), /already/);
    assert.equal(successfulRemoves(t), 1);
  });

  it('refuses a retry from someone who is not an approver, and from the requester', async () => {
    t = await startTestApp({ ...fast, JOB_MAX_ATTEMPTS: '1' });
    const agent = t.chat(people.agent);
    const requestId = await requestUnblock(agent, 'rob@contoso.com');
    t.app.simulator?.setFaults({ exchange: { ...removeOutage, probability: 1 } });
    await approve(t, requestId);
    await t.connector.waitFor(
      (a) =>
        a.conversationId === agent.conversationId &&
        /did not complete the unblock/.test(JSON.stringify(a.activity)),
    );
    t.app.simulator?.setFaults({});
    const outsider = t.chat(people.nonApprover);
    const refused = await outsider.post(
      outsider.invokeActivity(await approvalAction(t, requestId, 'approval.retry')),
    );
    assert.match(cardText((refused.body as { value: unknown }).value), /Only members of the approvers group/);
    const own = await agent.post(agent.invokeActivity(await approvalAction(t, requestId, 'approval.retry')));
    assert.doesNotMatch(cardText((own.body as { value: unknown }).value), /Status: approved/i);
    assert.equal((await t.app.store.requests.get(requestId))?.state, 'failed');
    assert.equal(successfulRemoves(t), 0);
  });

  it('ends resumed with one unblock when the outage is shorter than the retry budget', async () => {
    t = await startTestApp({ ...fast, JOB_MAX_BACKOFF_S: '0.05' });
    const agent = t.chat(people.agent);
    const requestId = await requestUnblock(agent, 'rob@contoso.com');
    // Five job attempts' worth of refusals (4 HTTP tries each), then Exchange is back.
    t.app.simulator?.setFaults({ exchange: { ...removeOutage, sequence: Array(20).fill(503) } });
    await approve(t, requestId);
    await t.connector.waitFor(
      (a) =>
        a.conversationId === agent.conversationId && /can send email again/.test(JSON.stringify(a.activity)),
      20_000,
    );
    assert.equal((await t.app.store.requests.get(requestId))?.state, 'resumed');
    assert.equal(refusedRemoves(t), 20);
    assert.equal(successfulRemoves(t), 1);
  });
});
