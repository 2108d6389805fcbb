// Renders the runbook's cards, as the bot sends them in a real conversation, with Microsoft's Adaptive Cards
// renderer in headless Chromium and a Teams-like (light theme) host config, to
// docs/screenshots/<language>-<step>.png: a reviewer sees whether a translation reads well and fits.
//
//   npx tsx scripts/render-card-screenshots.ts            # Danish, Slovenian, Swedish and Dutch
//   npx tsx scripts/render-card-screenshots.ts nl sv      # only some languages
//   CHROMIUM=/path/to/chromium npx tsx scripts/render-card-screenshots.ts
//
// Needs Chromium (Debian: apt-get install chromium). Nothing leaves the machine: the page and the renderer
// are served from memory and every other request is aborted.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { type Language, resolveLanguage, supportedLanguages } from '../src/i18n/index.js';
import { SEED } from '../src/tenant/index.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, renderCardIntoFrame } from '../test/support/cardRendering.js';
import type { Card } from '../test/support/teams.js';
import { startTestApp } from '../test/support/testApp.js';

const root = path.resolve(__dirname, '..');
const outDirectory = path.join(root, 'docs', 'screenshots');
const chromiumPath = process.env.CHROMIUM ?? CHROMIUM_PATH;
/** Teams shows a card in a chat at roughly this width. */
const CARD_WIDTH = 440;
const MAX_PNG_BYTES = 150 * 1024;
// A made-up password, so no real secret ends up in a picture.
const SAMPLE_PASSWORD = 'Tq7#mZ2!vR9@kL4$wX';

/** What an agent types in each language; the words src/runbook/agentMessage.ts understands. */
const typed: Record<Language, { locale: string; unblock: string; help: string }> = {
  en: { locale: 'en-US', unblock: 'unblock', help: 'help' },
  da: { locale: 'da-DK', unblock: 'fjern blokering af', help: 'hjælp' },
  sv: { locale: 'sv-SE', unblock: 'avblockera', help: 'hjälp' },
  sl: { locale: 'sl-SI', unblock: 'deblokiraj', help: 'pomoč' },
  nl: { locale: 'nl-NL', unblock: 'deblokkeer', help: 'hulp' },
};

/** Teams' light theme, close enough to judge wrapping and emphasis (not a pixel-exact copy). */
/** Teams' light-theme text colours, the same on plain and emphasis containers. */
const teamsForegroundColors = {
  default: { default: '#242424', subtle: '#616161' },
  accent: { default: '#5B5FC7', subtle: '#5B5FC7' },
  attention: { default: '#C4314B', subtle: '#C4314B' },
  good: { default: '#237B4B', subtle: '#237B4B' },
  warning: { default: '#835C00', subtle: '#835C00' },
};

const hostConfig = {
  fontFamily: '"Segoe UI", "Liberation Sans", "DejaVu Sans", sans-serif',
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E1E1E1' },
  supportsInteractivity: true,
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: teamsForegroundColors,
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: teamsForegroundColors,
    },
    good: { backgroundColor: '#E7F2DA' },
    attention: { backgroundColor: '#FCF4F6' },
    warning: { backgroundColor: '#FBF6D9' },
    accent: { backgroundColor: '#E8EBFA' },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'stretch',
  },
  adaptiveCard: { allowCustomStyle: true },
  inputs: { label: { requiredInputs: { weight: 'bolder' }, optionalInputs: { weight: 'bolder' } } },
  factSet: {
    title: { weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { wrap: true },
    spacing: 8,
  },
  textBlock: { headingLevel: 2 },
};

const pageCss = `
  body { margin: 0; padding: 12px; background: #F5F5F5; font-family: ${hostConfig.fontFamily}; }
  #frame { width: ${CARD_WIDTH}px; background: #FFFFFF; border: 1px solid #E0E0E0; border-radius: 6px;
    overflow: hidden; box-shadow: 0 1px 2px rgba(0,0,0,.12); }
  .ac-pushButton { font-family: ${hostConfig.fontFamily}; font-size: 14px; font-weight: 600; color: #242424;
    background: #FFFFFF; border: 1px solid #D1D1D1; border-radius: 4px; padding: 5px 12px; min-height: 32px; }
  .ac-pushButton.style-positive { background: #5B5FC7; border-color: #5B5FC7; color: #FFFFFF; }
  .ac-pushButton.style-destructive { color: #C4314B; }
  .ac-input { font-family: ${hostConfig.fontFamily}; font-size: 14px; }
  .ac-input.ac-textInput, .ac-input.ac-multichoiceInput { padding: 5px 8px; border: 1px solid #D1D1D1;
    border-radius: 4px; }
  .ac-textBlock p { margin: 0; }
`;

const pageHtml = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/adaptivecards.css"><style>${pageCss}</style>
<script src="/adaptivecards.min.js"></script></head><body><div id="frame"></div></body></html>`;

type NamedCard = { step: string; card: Card };

/** Plays one agent through the runbook for rob in the given language and keeps every step's card. */
async function conversationCards(language: Language): Promise<NamedCard[]> {
  const words = typed[language];
  const app = await startTestApp({}, { generatePassword: () => SAMPLE_PASSWORD });
  try {
    const cards: NamedCard[] = [];
    const keep = (step: string, card: Card | null | undefined) => {
      if (!card) throw new Error(`no card for step ${step} in ${language}`);
      cards.push({ step, card });
    };
    const chat = app.chat(undefined, { locale: words.locale });
    keep('help', (await chat.say(words.help))[0]);
    keep('password', (await chat.say(`${words.unblock} rob@contoso.com`))[0]);
    keep('temporary-password', (await chat.click('runbook.passwordResetNow')).card);
    keep('restriction', (await chat.click('runbook.passwordNoted')).messages[0]);
    keep('checks', (await chat.click('runbook.restrictionContinue')).messages[0]);
    await chat.click('runbook.revokeSessions');
    keep('unblock', (await chat.click('runbook.checksContinue')).messages[0]);
    keep('confirm', (await chat.click('runbook.unblock')).card);
    keep('requested', (await chat.click('runbook.confirm')).card);

    const other = app.chat(undefined, { locale: words.locale });
    keep('choose-user', (await other.say('rob'))[0]);
    // roberta is not restricted: the runbook ends at once, before any password step.
    keep(
      'not-restricted',
      (await other.click('runbook.chooseUser', { userId: SEED.users.roberta.id })).messages.at(-1),
    );
    return cards;
  } finally {
    await app.stop();
  }
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  for (const l of requested)
    if (!(supportedLanguages as readonly string[]).includes(l)) throw new Error(`unsupported language ${l}`);
  const languages =
    requested.length > 0 ? requested.map((l) => resolveLanguage(l)) : (['da', 'sl', 'sv', 'nl'] as const);

  const assets: Record<string, { body: string | Buffer; contentType: string }> = {
    '/': { body: pageHtml, contentType: 'text/html; charset=utf-8' },
    '/adaptivecards.min.js': {
      body: await readFile(path.join(root, 'node_modules/adaptivecards/dist/adaptivecards.min.js')),
      contentType: 'text/javascript',
    },
    '/adaptivecards.css': {
      body: await readFile(path.join(root, 'node_modules/adaptivecards/dist/adaptivecards.css')),
      contentType: 'text/css',
    },
  };

  await mkdir(outDirectory, { recursive: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
  });
  const written: string[] = [];
  try {
    const context = await browser.newContext({
      viewport: { width: CARD_WIDTH + 24, height: 600 },
      deviceScaleFactor: 1,
    });
    // Everything is answered from memory; any other request (a font, an image URL in a card) is refused.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      const asset = url.hostname === 'localhost' ? assets[url.pathname] : undefined;
      return asset
        ? route.fulfill({ status: 200, contentType: asset.contentType, body: asset.body })
        : route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    await page.goto('http://localhost/');
    for (const language of languages) {
      for (const { step, card } of await conversationCards(language)) {
        await renderCardIntoFrame(page, card, hostConfig);
        const file = path.join(outDirectory, `${language}-${step}.png`);
        await writeFile(file, await page.locator('#frame').screenshot({ type: 'png' }));
        const { size } = await stat(file);
        if (size > MAX_PNG_BYTES) throw new Error(`${file} is ${size} bytes, over ${MAX_PNG_BYTES}`);
        written.push(`${path.relative(root, file)} (${Math.round(size / 1024)} KB)`);
      }
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(`${written.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
