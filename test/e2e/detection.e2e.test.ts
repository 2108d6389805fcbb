// Detection as the helpdesk lives it, in Microsoft 365 Agents Playground (a Teams-like client) in Chromium
// against the bot started as `npm start` starts it: the simulated tenant restricts a user, the bot's card
// about it appears in the agent's chat by itself, and Start runbook walks the agent to the approval. The
// case is the one detection opened (nobody's until then), now the agent's. Screenshots in
// test-artifacts/e2e/detection/.
import assert from 'node:assert/strict';
import { detectedRequestId } from '../../src/requests/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { SEED } from '../../src/tenant/index.js';
import { type E2eSession, startE2e } from './harness.js';

describe('detection in the Teams-like playground (e2e)', () => {
  let session: E2eSession;

  before(async () => {
    session = await startE2e({
      name: 'detection',
      // Megan, the playground's user, is in the helpdesk group: the case comes to her chat.
      botEnv: {
        DETECTION: 'on',
        HELPDESK_GROUP_ID: SEED.groups.helpdesk,
        DETECTION_POLL_INTERVAL_S: '1',
        RESUME_POLL_INTERVAL_S: '1',
      },
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await session?.page.screenshot('failed');
  });

  after(async () => {
    await session?.stop();
  });

  it('shows the card of a newly restricted user by itself, and Start runbook walks to the approval', async () => {
    const { page } = session;
    // Megan has chatted with the bot once, so it can reach her.
    await page.type('help');
    await page.waitForCard('how I can help');

    const simulator = /simulated contoso\.com \((http:\/\/127\.0\.0\.1:\d+)\)/.exec(session.botOutput())?.[1];
    assert.ok(simulator, `the bot says where its simulator is:\n${session.botOutput()}`);
    const restricted = await fetch(`${simulator}/_sim/restricted`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ address: 'roberta@contoso.com' }),
    });
    assert.equal(restricted.status, 201);
    const row = (await restricted.json()) as { SenderAddress: string; CreatedDatetime: string };

    await page.waitForCard('Roberta Diaz (roberta@contoso.com) was restricted from sending email');
    await page.screenshot('helpdesk-card');

    await page.clickButton('Start runbook');
    await page.waitForCard('Reset the password now');
    await page.screenshot('password-step');
    await page.clickButton('Yes, it has been reset');
    await page.waitForCard('is on the Restricted entities page');
    await page.clickButton('Continue');
    await page.waitForCard('Check the account for compromise');
    await page.clickButton('Continue');
    await page.waitForCard('Remove Roberta Diaz (roberta@contoso.com) from the Restricted entities page?');
    await page.clickButton('Unblock');
    await page.waitForCard('Confirm the unblock');
    await page.clickButton('Yes');
    await page.waitForCard('Unblock requested');
    await page.screenshot('unblock-requested');

    const id = detectedRequestId(SEED.tenantId, `${row.SenderAddress}|${row.CreatedDatetime}`);
    const store = openSqliteStore({ dataDir: session.dataDir });
    try {
      const request = await store.requests.get(id);
      assert.equal(request?.state, 'pending_approval');
      assert.equal(request?.requester.aadObjectId, SEED.users.agent.id, "the case is now Megan's");
      assert.equal(request?.detection?.claimedBy?.name, 'Megan Bowen');
      assert.equal((await store.requests.listForTarget(SEED.users.roberta.id)).length, 1);
    } finally {
      await store.close();
    }
  });
});
