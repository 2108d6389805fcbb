// The "Unblock email" runbook as a helpdesk agent lives it: in Microsoft 365 Agents Playground (a
// Teams-like client) in Chromium, against the bot started as `npm start` starts it, one card at a time,
// with a screenshot of every step in test-artifacts/e2e/runbook/.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { openSqliteStore } from '../../src/store/index.js';
import { SEED } from '../../src/tenant/index.js';
import { type E2eSession, startE2e } from './harness.js';

describe('runbook in the Teams-like playground (e2e)', () => {
  let session: E2eSession;

  before(async () => {
    session = await startE2e({ name: 'runbook' });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await session?.page.screenshot('failed');
  });

  after(async () => {
    await session?.stop();
  });

  it('takes an agent from "unblock rob" to an unblock request waiting for approval', async () => {
    const { page } = session;
    await page.type('unblock rob@contoso.com');
    await page.waitForCard('Reset the password now');
    await page.screenshot('password-step');

    await page.clickButton('No, reset it now');
    const passwordCard = await page.waitForCard('Never send it by email');
    // The password is a text block of its own, shown large.
    const passwordBlock = passwordCard.locator('.ac-textBlock', { hasText: /^\S{20}$/ });
    assert.equal(await passwordBlock.count(), 1, 'no 20-character password on the card');
    assert.ok(await passwordBlock.isVisible());
    const password = (await passwordBlock.textContent())?.trim() ?? '';
    assert.equal(password.length, 20);
    await page.screenshot('temporary-password');

    await page.clickButton('I have noted it: continue');
    await page.waitForCard('is on the Restricted entities page');
    await page.screenshot('restricted-list');

    await page.clickButton('Continue');
    await page.waitForCard('Check the account for compromise');
    await page.screenshot('compromise-check');

    await page.clickButton('Revoke sign-in sessions');
    await page.waitForCard('Revoked: every device must sign in again');
    await page.screenshot('sessions-revoked');

    await page.clickButton('Continue');
    await page.waitForCard('Remove Rob Young (rob@contoso.com) from the Restricted entities page?');
    await page.screenshot('unblock-step');

    await page.clickButton('Unblock');
    await page.waitForCard('Confirm the unblock');
    await page.screenshot('confirm-unblock');

    await page.clickButton('Yes');
    await page.waitForCard('Unblock requested');
    await page.screenshot('unblock-requested');

    const store = openSqliteStore({ dataDir: session.dataDir });
    try {
      const pending = await store.requests.listByState('pending_approval');
      const forRob = pending.filter((request) => request.target.id === SEED.users.rob.id);
      assert.equal(forRob.length, 1, `pending requests: ${JSON.stringify(pending.map((r) => r.target))}`);
      assert.equal(forRob[0]?.requester.aadObjectId, SEED.users.agent.id);
    } finally {
      await store.close();
    }
    // The card says the password "is not stored anywhere": not in the database, not in the logs.
    assert.equal(await filesContaining(session.dataDir, password), 0, 'the password is in DATA_DIR');
    assert.ok(!session.botOutput().includes(password), 'the password is in the bot log');
  });
});

async function filesContaining(dir: string, text: string): Promise<number> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  let count = 0;
  for (const entry of names.filter((e) => e.isFile())) {
    const content = await readFile(path.join(entry.parentPath, entry.name));
    if (content.includes(text)) count += 1;
  }
  return count;
}
