// The Microsoft 365 Agents Playground chat as a test sees it: type a message, wait for a card, click one of
// its buttons, take a screenshot. Selectors: ../shared/reference/platform-notes.md ("Microsoft 365 Agents
// Playground"). The chat keeps every earlier card, an Action.Execute answer replaces the clicked card in
// place and the next step arrives as a new card after it: so a wait looks only at the card last clicked and
// the ones after it (newest first), never at older cards that may show the same words.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

const COMPOSE_BOX = '[data-lexical-editor="true"][role="textbox"]';
const CARD = '.ac-adaptiveCard';
const DEFAULT_TIMEOUT_MS = 20_000;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Screenshot files of one session, numbered in the order taken across all its tabs: `NN-name.png`. */
export class ScreenshotSeries {
  private taken = 0;
  constructor(readonly dir: string) {}

  next(name: string): string {
    this.taken += 1;
    return path.join(this.dir, `${String(this.taken).padStart(2, '0')}-${name}.png`);
  }
}

export class PlaygroundPage {
  /** Cards before this index are history: a wait never matches them. */
  private firstCandidate = 0;
  /** The card the last wait found: the one clickButton acts on. */
  private current: number | undefined;

  constructor(
    readonly page: Page,
    private readonly shots: ScreenshotSeries,
  ) {
    page.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
  }

  /** Opens the playground and waits until it has connected to the bot. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    // The log panel repeats texts: any one "Connected." will do.
    await this.page.getByText('Connected.').first().waitFor();
  }

  /** Sends `text` as the signed-in user, as if typed in the compose box and sent with Enter. */
  async type(text: string): Promise<void> {
    this.firstCandidate = await this.page.locator(CARD).count();
    this.current = undefined;
    const box = this.page.locator(COMPOSE_BOX);
    await box.click();
    await box.fill(text);
    await box.press('Enter');
  }

  /**
   * Waits for the newest card that shows `text` and arrived (or was updated in place) after the last
   * message typed or button clicked, and returns it.
   */
  async waitForCard(text: string | RegExp, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Locator> {
    const pattern = typeof text === 'string' ? { source: escapeRegExp(text), flags: '' } : text;
    try {
      const found = await this.page.waitForFunction(
        ({ selector, from, source, flags }) => {
          const cards = document.querySelectorAll<HTMLElement>(selector);
          const matches = new RegExp(source, flags);
          for (let index = cards.length - 1; index >= from; index -= 1) {
            // biome-ignore lint/performance/useDomNodeTextContent: what the agent sees, not hidden text.
            if (matches.test(cards[index]?.innerText ?? '')) return { index };
          }
          return null;
        },
        { selector: CARD, from: this.firstCandidate, source: pattern.source, flags: pattern.flags },
        { timeout: timeoutMs },
      );
      const match = await found.jsonValue();
      if (match === null) throw new Error('unreachable: waitForFunction resolves on a match only');
      this.current = match.index;
    } catch (error) {
      const shown = await this.page.locator(CARD).allInnerTexts();
      throw new Error(
        `no card showed ${String(text)}; the newest cards show:\n${shown.slice(this.firstCandidate).join('\n---\n')}`,
        { cause: error },
      );
    }
    return this.page.locator(CARD).nth(this.current);
  }

  /**
   * Clicks the button titled `title` on the card the last wait found. Teams shows a few actions and
   * moves the rest into a "More options" (…) menu; so does the playground, so this looks there too.
   */
  async clickButton(title: string): Promise<void> {
    if (this.current === undefined) throw new Error(`clickButton("${title}") needs a waitForCard first`);
    const card = this.page.locator(CARD).nth(this.current);
    // An Action.Execute answer replaces this card in place; the next step's card comes after it.
    this.firstCandidate = this.current;
    const button = card.locator(`.ac-actionSet button[title="${title}"]`);
    if ((await button.count()) > 0) {
      await button.first().click();
      return;
    }
    const more = card.locator('.ac-actionSet button[title="More options"]').last();
    if ((await more.count()) === 0)
      throw new Error(`the card has no button "${title}":\n${(await card.allInnerTexts()).join('')}`);
    await more.click();
    await this.page.getByRole('menuitem', { name: title, exact: true }).click();
  }

  /** Types `text` into the input labelled `label` on the card the last wait found. */
  async fill(label: string, text: string): Promise<void> {
    if (this.current === undefined) throw new Error(`fill("${label}") needs a waitForCard first`);
    const card = this.page.locator(CARD).nth(this.current);
    await card.getByLabel(label).fill(text);
  }

  /** Saves a PNG of the page, the last card found in view, as the session's next numbered screenshot. */
  async screenshot(name: string): Promise<string> {
    if (this.current !== undefined) await this.page.locator(CARD).nth(this.current).scrollIntoViewIfNeeded();
    const file = this.shots.next(name);
    await this.page.bringToFront();
    await this.page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }
}
