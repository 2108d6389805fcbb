// The Requests tab in Debian's Chromium, framed by a Teams-like host page that speaks teams-js's postMessage
// protocol, against the whole app (simulated tenant, SQLite, fake Teams connector): the list with filters
// and search, a request's timeline, an approval from the tab (one unblock, the approval card updated), a
// card decision showing up in an open tab, refusals (403, and 401 for bad tokens), live theme changes, a
// non-English Teams locale, 320 px, keyboard use, the page's CSP, and axe-core on the list and a request.
import { strict as assert } from 'node:assert';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Frame } from 'playwright-core';
import { approvalCardIn, requestUnblock } from '../support/flows.js';
import { approvalAction } from '../support/signedCards.js';
import { forgedTabToken, people, tabToken } from '../support/tabTokens.js';
import { cardsIn, cardText } from '../support/teams.js';
import { people as chatPeople, startTestApp, type TestApp } from '../support/testApp.js';
import { ARTIFACTS_DIR } from './harness.js';
import {
  axeViolations,
  launchBrowser,
  type OpenOptions,
  openTab,
  type TabSession,
} from './tab/tabBrowser.js';

const artifacts = path.join(ARTIFACTS_DIR, 'tab');
const nestor = { id: '29:nestor', aadObjectId: people.nestedApprover.id, name: 'Nestor Wilke' };

const removeCalls = (t: TestApp) =>
  (t.app.simulator?.calls() ?? []).filter((c) => c.cmdlet === 'Remove-BlockedSenderAddress').length;

async function rows(tab: Frame): Promise<string[]> {
  return tab.$$eval('[data-request] a', (links) => links.map((a) => a.textContent ?? ''));
}

describe('Requests tab in Teams (browser)', function () {
  this.timeout(180_000);
  let t: TestApp;
  let browser: Browser;
  let robs: string;
  let diegos: string;
  let approverChat: ReturnType<TestApp['chat']>;
  const open: TabSession[] = [];

  const openAs = async (userId: string, options: Partial<OpenOptions> = {}) => {
    const session = await openTab(browser, t.url, {
      userObjectId: userId,
      tenantId: t.app.tenantId,
      token: () => tabToken(t, userId),
      ...options,
    });
    open.push(session);
    return session;
  };

  before(async () => {
    await mkdir(artifacts, { recursive: true });
    t = await startTestApp({
      RESUME_POLL_INTERVAL_S: '0.3',
      WORKER_POLL_INTERVAL_MS: '50',
      SIMULATOR_RELEASE_DELAY_S: '2',
    });
    approverChat = t.chat(chatPeople.approver);
    await approverChat.say('help'); // approvers who chatted once get approval cards
    robs = await requestUnblock(t.chat(chatPeople.agent), 'rob@contoso.com');
    diegos = await requestUnblock(t.chat(chatPeople.agent2), 'diego@contoso.com');
    browser = await launchBrowser();
  });

  afterEach(async () => {
    for (const session of open.splice(0)) {
      assert.deepEqual(session.problems, [], 'no CSP violation or script error in the tab');
      await session.close();
    }
  });

  after(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('lists every request for an approver, with filters and search', async () => {
    const { tab, page } = await openAs(people.approver.id);
    await tab.waitForSelector('[data-list="table"]');
    assert.deepEqual(await rows(tab), ['Diego Siciliani', 'Rob Young'], 'newest first');
    await tab.fill('[data-filter="q"] input, input[data-filter="q"]', 'rob');
    await tab.waitForFunction(() => document.querySelectorAll('[data-request]').length === 1);
    assert.deepEqual(await rows(tab), ['Rob Young']);
    await tab.fill('[data-filter="q"] input, input[data-filter="q"]', '');
    await tab.waitForFunction(() => document.querySelectorAll('[data-request]').length === 2);
    await tab.selectOption('select[data-filter="requester"]', { label: 'Isaiah Langer' });
    await tab.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-request] a')].map((a) => a.textContent).join() ===
        'Diego Siciliani',
    );
    await tab.selectOption('select[data-filter="state"]', 'resumed');
    await tab.waitForSelector('text=No requests match these filters.');
    await tab.click('text=Clear filters');
    await tab.waitForFunction(() => document.querySelectorAll('[data-request]').length === 2);
    await page.screenshot({ path: path.join(artifacts, 'list.png') });
    const violations = await axeViolations(tab);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious, [], 'axe: no serious or critical violation on the list');
  });

  it("shows a request's timeline and moves focus to its heading, by keyboard", async () => {
    const { tab } = await openAs(people.approver.id);
    await tab.waitForSelector('[data-list="table"]');
    const link = tab.locator(`[data-request="${robs}"] a`);
    // Tab through the page as a keyboard user does, until the request's link has the focus.
    await tab.click('h1');
    for (let i = 0; i < 30 && !(await link.evaluate((a) => a === document.activeElement)); i++)
      await tab.page().keyboard.press('Tab');
    assert.ok(await link.evaluate((a) => a === document.activeElement), 'the link is reachable by Tab');
    const outline = await link.evaluate((a) => {
      const style = getComputedStyle(a);
      return `${style.outlineStyle}|${style.textDecorationLine}|${style.boxShadow}`;
    });
    assert.notEqual(outline, 'none|none|none', 'the focused link shows it');
    await tab.page().keyboard.press('Enter');
    await tab.waitForSelector(`[data-request-page="${robs}"]`);
    assert.equal(await tab.evaluate(() => document.activeElement?.tagName), 'H1');
    const timeline = await tab.$$eval('[data-timeline] li', (items) =>
      items.map((li) => li.textContent ?? ''),
    );
    assert.match(timeline[0] ?? '', /Megan Bowen started the request.*in a 1:1 chat/);
    assert.ok(
      timeline.some((line) => /Megan Bowen asked for approval/.test(line)),
      timeline.join('\n'),
    );
    assert.match((await tab.textContent('[data-waiting]')) ?? '', /Waiting for/);
    const violations = await axeViolations(tab);
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious, [], 'axe: no serious or critical violation on the request page');
  });

  it('approves from the tab: one unblock, the approval card in Teams updated, the page follows the request', async () => {
    const { sent } = await approvalCardIn(t.connector, approverChat.conversationId, robs);
    const { tab, page } = await openAs(people.approver.id, { tabPath: `/tab#/requests/${robs}` });
    await tab.waitForSelector('[data-decision]');
    await tab.fill('[data-decision] textarea', 'Checked with Rob by phone');
    await tab.click('[data-decision] button:has-text("Approve")');
    await tab.waitForSelector('[data-outcome="success"]');
    const update = await t.connector.waitFor(
      (a) =>
        a.method === 'PUT' &&
        a.activityId === sent.assignedId &&
        /Decided by/.test(JSON.stringify(a.activity)),
      20_000,
    );
    assert.match(cardText(cardsIn(update.activity)[0]), /Decided by\nPatti Fernandez/);
    // Without a reload, the page follows the request to "sending again".
    await tab.waitForSelector('[data-request-page] [data-state="resumed"]', { timeout: 30_000 });
    assert.equal(removeCalls(t), 1, 'exactly one Remove-BlockedSenderAddress');
    const timeline = await tab.$$eval('[data-timeline] li', (items) =>
      items.map((li) => li.textContent ?? ''),
    );
    assert.ok(
      timeline.some((line) => /Patti Fernandez approved.*in the Requests tab/.test(line)),
      timeline.join('\n'),
    );
    await page.screenshot({ path: path.join(artifacts, 'approved.png') });
  });

  it('shows a decision taken on a card in an open tab, without a reload', async () => {
    const { tab } = await openAs(people.agent2.id, { tabPath: `/tab#/requests/${diegos}` });
    await tab.waitForSelector('[data-request-page] [data-state="pending_approval"]');
    const card = t.chat(nestor);
    await card.post(
      card.invokeActivity(await approvalAction(t, diegos, 'approval.reject', { comment: 'Not yet' })),
    );
    await tab.waitForSelector('[data-request-page] [data-state="rejected"]', { timeout: 15_000 });
    assert.match((await tab.textContent('[data-request-page]')) ?? '', /Decided by Nestor Wilke/);
  });

  it('refuses what a helpdesk agent may not see or do (403)', async () => {
    const own = await requestUnblock(t.chat(chatPeople.agent), 'adele.vance@contoso.com');
    const { tab } = await openAs(people.agent.id, { tabPath: `/tab#/requests/${own}` });
    await tab.waitForSelector(`[data-request-page="${own}"]`);
    assert.equal(await tab.$('[data-decision]'), null, 'no Approve or Reject for the helpdesk');
    await tab.evaluate((id) => {
      window.location.hash = `#/requests/${id}`;
    }, diegos);
    await tab.waitForSelector('[data-problem="Forbidden"]');
    assert.match((await tab.textContent('[data-problem]')) ?? '', /Only the helpdesk and approvers/);
    const status = await tab.evaluate(async (id) => {
      const response = await fetch(`/api/tab/requests/${id}`, { headers: { authorization: 'Bearer x' } });
      return response.status;
    }, diegos);
    assert.equal(status, 401);
  });

  it('says to sign in again for a forged, expired or wrong-audience token (401)', async () => {
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    const bad = {
      forged: () => forgedTabToken(t, people.approver.id),
      expired: () => tabToken(t, people.approver.id, { iat: hourAgo - 60, nbf: hourAgo - 60, exp: hourAgo }),
      'wrong audience': () => tabToken(t, people.approver.id, { aud: 'api://elsewhere.example/app' }),
    };
    for (const [name, token] of Object.entries(bad)) {
      const { tab } = await openAs(people.approver.id, { token });
      await tab.waitForSelector('[data-problem="InvalidToken"]');
      assert.match((await tab.textContent('[data-problem]')) ?? '', /could not sign you in/, name);
    }
  });

  it('follows Teams theme changes live, and speaks Danish for a Danish Teams', async () => {
    const { tab, page } = await openAs(people.approver.id, { locale: 'da-dk' });
    await tab.waitForSelector('[data-list="table"]');
    assert.equal(await tab.textContent('h1'), 'Anmodninger om at fjerne blokering');
    assert.ok((await tab.textContent('[data-list]'))?.includes('Afvist'), 'state names in Danish');
    assert.equal(await tab.getAttribute('html', 'lang'), 'da');
    const background = () =>
      tab.evaluate(
        () => getComputedStyle(document.querySelector('main')?.parentElement as Element).backgroundColor,
      );
    const light = await background();
    await page.evaluate(() =>
      (window as unknown as { changeTheme(theme: string): void }).changeTheme('dark'),
    );
    await tab.waitForSelector('[data-theme="dark"]');
    const dark = await background();
    assert.notEqual(dark, light);
    await page.evaluate(() =>
      (window as unknown as { changeTheme(theme: string): void }).changeTheme('contrast'),
    );
    await tab.waitForSelector('[data-theme="contrast"]');
    assert.notEqual(await background(), dark);
  });

  it('fits 320 px without scrolling sideways', async () => {
    const { tab, page } = await openAs(people.approver.id, { width: 320, height: 900 });
    await tab.waitForSelector('[data-list="cards"]');
    const overflow = await tab.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `${overflow} px wider than the tab`);
    await tab.click(`[data-request="${robs}"] a`);
    await tab.waitForSelector('[data-request-page]');
    const pageOverflow = await tab.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(pageOverflow <= 0, `request page: ${pageOverflow} px wider than the tab`);
    await page.screenshot({ path: path.join(artifacts, 'narrow.png'), fullPage: true });
  });

  it('says to open it in Teams outside Teams, offering the local preview in simulated mode', async () => {
    const context = await browser.newContext();
    try {
      await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
      const page = await context.newPage();
      await page.goto(`${t.url}/tab`);
      await page.waitForSelector('[data-outside-teams]');
      assert.match((await page.textContent('h1')) ?? '', /Open this in Microsoft Teams/);
      await page.click('text=Open the local preview');
      const frame = await (await page.waitForSelector('iframe')).contentFrame();
      await frame?.waitForSelector('[data-role="approver"]');
    } finally {
      await context.close();
    }
  });
});
