// A developer's usual first try: Microsoft 365 Agents Playground exactly as it comes, with no configuration
// of ours (its default tenant 00000000-…-0000000000001, not even a GUID, and its default user Alex Wilber,
// whom the simulated directory has never heard of), against the bot as `npm start` runs it. In local mode
// that just works: Alex is welcomed as a new helpdesk agent and walks the runbook to "Unblock requested".
// Screenshots in test-artifacts/e2e/stock-playground/.
import assert from 'node:assert/strict';
import { openSqliteStore } from '../../src/store/index.js';
import { SEED } from '../../src/tenant/index.js';
import { type E2eSession, startE2e } from './harness.js';

describe('the stock Agents Playground, no configuration of ours (e2e)', () => {
  let session: E2eSession;

  before(async () => {
    session = await startE2e({ name: 'stock-playground', stockPlayground: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await session?.page.screenshot('failed');
  });

  after(async () => {
    await session?.stop();
  });

  it('walks its default user from "unblock rob" to "Unblock requested"', async () => {
    const { page } = session;
    // Alex is new to the simulated tenant: the first answer says so, once, before the runbook's first card.
    await page.type('unblock rob@contoso.com');
    await page.waitForCard(
      /Welcome to the simulated contoso\.com tenant[\s\S]*Alex Wilber, alex\.wilber2@contoso\.com/,
    );
    await page.screenshot('welcome');
    for (const [expected, button] of [
      ['Reset the password now', 'Yes, it has been reset'],
      ['is on the Restricted entities page', 'Continue'],
      ['Check the account for compromise', 'Continue'],
      ['Remove Rob Young (rob@contoso.com) from the Restricted entities page?', 'Unblock'],
      ['Confirm the unblock', 'Yes'],
    ] as const) {
      await page.waitForCard(expected);
      await page.clickButton(button);
    }
    await page.waitForCard('Unblock requested');
    await page.screenshot('unblock-requested');

    const store = openSqliteStore({ dataDir: session.dataDir });
    try {
      const [request] = await store.requests.listByState('pending_approval');
      assert.equal(request?.target.id, SEED.users.rob.id);
      assert.equal(request?.requester.name, 'Alex Wilber');
    } finally {
      await store.close();
    }
  });
});
