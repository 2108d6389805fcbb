// Opens the Requests tab in headless Chromium inside the Teams-like host page, signed in as a seeded person
// with a token the test chooses (valid, or forged, expired, for another audience). Nothing leaves the
// machine. Used by the tab's e2e test and by the docs' screenshot script.
import { readFileSync } from 'node:fs';
import { type Browser, chromium, type Frame, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/cardRendering.js';
import { HOST_PATH, type HostSettings, hostPage } from './teamsHostPage.js';

export interface TabSession {
  page: Page;
  /** The tab's frame. */
  tab: Frame;
  /** CSP violations and page errors seen in the tab so far. */
  problems: string[];
  close(): Promise<void>;
}

export interface OpenOptions extends Partial<HostSettings> {
  /** The token the host hands the tab for getAuthToken. */
  token: () => Promise<string> | string;
  height?: number;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export async function openTab(browser: Browser, appUrl: string, options: OpenOptions): Promise<TabSession> {
  const width = options.width ?? 1200;
  const context = await browser.newContext({ viewport: { width, height: options.height ?? 900 } });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
  const settings: HostSettings = {
    locale: options.locale ?? 'en-us',
    theme: options.theme ?? 'default',
    userObjectId: options.userObjectId ?? '',
    userPrincipalName: options.userPrincipalName ?? '',
    tenantId: options.tenantId ?? '',
    tabPath: options.tabPath ?? '/tab',
    width,
  };
  await context.route(`${appUrl}${HOST_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage(settings) }),
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.exposeFunction('hostToken', async () => options.token());
  await page.goto(`${appUrl}${HOST_PATH}`);
  const handle = await page.waitForSelector('#tab');
  const tab = await handle.contentFrame();
  if (!tab) throw new Error('the tab frame did not load');
  return { page, tab, problems, close: () => context.close() };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the tab's frame (injected through DevTools, which the page's CSP does not govern). */
export async function axeViolations(tab: Frame): Promise<AxeViolation[]> {
  await tab.evaluate(AXE_SOURCE);
  return tab.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}
