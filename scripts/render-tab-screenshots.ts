// Screenshots of the Requests tab for the README: the list and a request's timeline in the light, dark and
// high-contrast Teams themes, as Chromium shows them in the Teams-like host page the e2e test uses, on the
// whole app with a simulated tenant. Usage: npx tsx scripts/render-tab-screenshots.ts
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { SEED } from '../src/tenant/index.js';
import { launchBrowser, openTab } from '../test/e2e/tab/tabBrowser.js';
import { approve, requestUnblock } from '../test/support/flows.js';
import { tabToken } from '../test/support/tabTokens.js';
import { people, startTestApp } from '../test/support/testApp.js';

const OUT = path.join(__dirname, '..', 'docs', 'screenshots');
const THEMES = { light: 'default', dark: 'dark', contrast: 'contrast' } as const;

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const t = await startTestApp({
    RESUME_POLL_INTERVAL_S: '0.3',
    WORKER_POLL_INTERVAL_MS: '50',
    SIMULATOR_RELEASE_DELAY_S: '1',
    LOG_LEVEL: 'warn',
  });
  const browser = await launchBrowser();
  try {
    const rob = await requestUnblock(t.chat(people.agent), 'rob@contoso.com');
    await approve(t, rob);
    await requestUnblock(t.chat(people.agent2), 'diego@contoso.com');
    await requestUnblock(t.chat(people.agent), 'adele.vance@contoso.com');
    // Rob's request ends with "sending again" before the pictures are taken.
    for (let i = 0; i < 100 && (await t.app.store.requests.get(rob))?.state !== 'resumed'; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    for (const [name, theme] of Object.entries(THEMES)) {
      for (const [view, tabPath] of [
        ['list', '/tab'],
        ['timeline', `/tab#/requests/${rob}`],
      ] as const) {
        const session = await openTab(browser, t.url, {
          theme,
          tabPath,
          width: 1000,
          height: view === 'list' ? 560 : 1250,
          userObjectId: SEED.users.approver.id,
          token: () => tabToken(t, SEED.users.approver.id),
        });
        await session.tab.waitForSelector(view === 'list' ? '[data-list]' : '[data-timeline] li');
        await session.page.waitForTimeout(300);
        await session.page.screenshot({ path: path.join(OUT, `tab-${view}-${name}.png`) });
        await session.close();
      }
    }
    process.stdout.write(`Wrote tab-{list,timeline}-{${Object.keys(THEMES).join(',')}}.png to ${OUT}\n`);
  } finally {
    await browser.close();
    await t.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
