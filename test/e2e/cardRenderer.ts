// Renders an Adaptive Card the bot sent somewhere the playground's page does not show (another person's chat)
// with Microsoft's renderer (the adaptivecards package) in a page of its own, for a screenshot of what that
// person sees. A plain renderer, not the playground's Teams look; nothing is fetched over the network.
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { renderCardIntoFrame } from '../support/cardRendering.js';

const AC_DIST = path.join(__dirname, '..', '..', 'node_modules', 'adaptivecards', 'dist');
const CARD_WIDTH = 480;

const hostConfig = {
  fontFamily: '"Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif',
  supportsInteractivity: true,
  containerStyles: {
    default: { backgroundColor: '#FFFFFF' },
    emphasis: { backgroundColor: '#F5F5F5' },
  },
  actions: { actionsOrientation: 'horizontal', maxActions: 5, buttonSpacing: 8 },
};

/** Saves a PNG of `card` under `caption` (who sees it, where) to `file`. */
export async function renderCardScreenshot(
  context: BrowserContext,
  card: unknown,
  caption: string,
  file: string,
): Promise<void> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: CARD_WIDTH + 32, height: 900 });
    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"></head>' +
        '<body style="margin:0;padding:12px 16px 16px;font-family:sans-serif;background:#F0F0F0">' +
        `<p id="caption" style="font-size:13px;color:#444;margin:0 0 8px"></p>` +
        `<div id="frame" style="width:${CARD_WIDTH}px;background:#fff;border-radius:6px"></div></body></html>`,
    );
    await page.addStyleTag({ path: path.join(AC_DIST, 'adaptivecards.css') });
    await page.addScriptTag({ path: path.join(AC_DIST, 'adaptivecards.min.js') });
    await renderCardIntoFrame(page, card, hostConfig);
    await page.evaluate((text) => {
      const captionElement = document.getElementById('caption');
      if (captionElement) captionElement.textContent = text;
    }, caption);
    await page.locator('body').screenshot({ path: file, animations: 'disabled' });
  } finally {
    await page.close();
  }
}
