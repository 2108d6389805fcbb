// Renders Adaptive Cards with Microsoft's own renderer (the adaptivecards package) in headless Chromium,
// for screenshots of what a person sees: the docs' card screenshots and the e2e's views of other chats.
import type { Page } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core (no browser download). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Headless, as root, and without the background traffic this machine's closed network refuses. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The part of adaptivecards.min.js's global used here. */
interface BrowserAdaptiveCards {
  AdaptiveCard: {
    new (): { hostConfig: unknown; parse(json: unknown): void; render(): HTMLElement | undefined };
    onProcessMarkdown: (text: string, result: { outputHtml: string; didProcess: boolean }) => void;
  };
  HostConfig: new (json: unknown) => unknown;
}

/**
 * Renders `card` into the page's #frame element. The page must already have adaptivecards.min.js and its
 * CSS loaded. Teams renders a small Markdown subset in TextBlocks; bold is the one the bot uses.
 */
export async function renderCardIntoFrame(page: Page, card: unknown, hostConfig: object): Promise<void> {
  await page.evaluate(
    ({ card, hostConfig }) => {
      const AC = (window as unknown as { AdaptiveCards: BrowserAdaptiveCards }).AdaptiveCards;
      AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
        const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        result.outputHtml = `<p style="margin:0">${escaped.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')}</p>`;
        result.didProcess = true;
      };
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
      adaptiveCard.parse(card);
      const element = adaptiveCard.render();
      if (!element) throw new Error('the renderer returned nothing for this card');
      document.getElementById('frame')?.replaceChildren(element);
    },
    { card, hostConfig },
  );
}
