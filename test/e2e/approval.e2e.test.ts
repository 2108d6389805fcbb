// The whole "Unblock email" story as a newcomer plays it in the browser, through the Teams-like client only:
// the helpdesk agent Megan Bowen walks the runbook in Microsoft 365 Agents Playground up to "Unblock
// requested" while no approver has ever talked to the bot; then, as `npm run playground -- --as approver`
// does, a second playground opens for the approver Patti Fernandez, who finds the request waiting, refreshes
// it, approves it; and back in Megan's tab the bot says Rob can send email again. A screenshot of every step
// goes to test-artifacts/e2e/approval/ (the README shows three of them); the bot runs as `npm start` runs it.
import assert from 'node:assert/strict';
import { openSqliteStore } from '../../src/store/index.js';
import { SEED } from '../../src/tenant/index.js';
import { type E2eSession, startE2e } from './harness.js';
import type { PlaygroundPage } from './playgroundPage.js';

const COMMENT = 'Checked with Rob by phone';

describe('the whole story in the Teams-like playground (e2e)', () => {
  let session: E2eSession;
  const pages: PlaygroundPage[] = [];

  before(async () => {
    // The simulated Exchange lets Rob send 2 s after the unblock; the resume monitor looks every second.
    session = await startE2e({
      name: 'approval',
      botEnv: { SIMULATOR_RELEASE_DELAY_S: '2', RESUME_POLL_INTERVAL_S: '1' },
    });
    pages.push(session.page);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      for (const page of pages) await page.screenshot('failed');
    }
  });

  after(async () => {
    await session?.stop();
  });

  it('agent requests, approver approves in the client, agent hears "can send email again"', async () => {
    const megan = session.page;

    // 1. The agent, up to "Unblock requested". No approver has talked to the bot yet.
    await megan.type('unblock rob@contoso.com');
    for (const [expected, shot, button] of [
      ['Reset the password now', 'agent-password-step', 'No, reset it now'],
      ['Never send it by email', 'agent-temporary-password', 'I have noted it: continue'],
      ['is on the Restricted entities page', 'agent-restricted-list', 'Continue'],
      ['Check the account for compromise', 'agent-compromise-check', 'Revoke sign-in sessions'],
      ['Revoked: every device must sign in again', 'agent-sessions-revoked', 'Continue'],
      [
        'Remove Rob Young (rob@contoso.com) from the Restricted entities page?',
        'agent-unblock-step',
        'Unblock',
      ],
      ['Confirm the unblock', 'agent-confirm-unblock', 'Yes'],
    ] as const) {
      await megan.waitForCard(expected);
      await megan.screenshot(shot);
      await megan.clickButton(button);
    }
    await megan.waitForCard('Unblock requested');
    await megan.screenshot('agent-unblock-requested');
    // Nobody can approve yet, and the bot says how to play the approver.
    await megan.waitForCard(/No approver can be reached yet[\s\S]*npm run playground -- --as approver/);
    await megan.screenshot('agent-no-approver-yet');

    // 2. The approver opens her own playground: the request waiting for her comes with the welcome.
    const patti = await session.openPlayground('approver');
    pages.push(patti);
    await patti.waitForCard('1 unblock request is waiting for your approval');
    await patti.waitForCard('Unblock Rob Young (rob@contoso.com)?');
    await patti.screenshot('approver-request-waiting');
    // The playground does not refresh cards by itself (Teams does): her Refresh shows her the decision.
    await patti.clickButton('Refresh');
    await patti.waitForCard(/Approve[\s\S]*Reject|Reject[\s\S]*Approve/);
    await patti.fill('Comment (optional)', COMMENT);
    await patti.screenshot('approver-decides');
    await patti.clickButton('Approve');
    await patti.waitForCard(/Status: (approved|unblock in progress|unblocked)/);
    await patti.screenshot('approver-approved');

    // 3. Sending resumes (simulated: 2 s after the unblock): Megan hears it, Patti's card says so too.
    await megan.waitForCard('Rob Young (rob@contoso.com) can send email again', 30_000);
    await megan.screenshot('agent-can-send-again');
    await patti.waitForCard('Status: sending resumed', 30_000);
    await patti.screenshot('approver-card-updated');

    // 4. What the bot recorded: resumed, decided by Patti with her comment, Exchange asked exactly once.
    const store = openSqliteStore({ dataDir: session.dataDir });
    try {
      const [request] = (await store.requests.listByState('resumed')).filter(
        (r) => r.target.id === SEED.users.rob.id,
      );
      assert.ok(request, 'the request for Rob is resumed');
      assert.equal(request.requester.aadObjectId, SEED.users.agent.id);
      assert.equal(request.decidedBy?.aadObjectId, SEED.users.approver.id);
      assert.equal(request.decisionComment, COMMENT);
      const audit = await store.audit.listForRequest(request.id);
      const unblockCalls = audit.filter((e) => e.action === 'unblock.called');
      assert.equal(unblockCalls.length, 1, `audit: ${audit.map((e) => e.action).join(', ')}`);
    } finally {
      await store.close();
    }
  });
});
