// The whole runbook in every language over /api/messages: the Teams locale picks the language, no English
// text leaks into a Danish, Swedish, Slovenian or Dutch conversation, and every card stays valid Adaptive
// Card 1.5 under 28 KB whatever the length of the translation.
import { strict as assert } from 'node:assert';
import { catalogues, type Language } from '../../../src/i18n/index.js';
import { SEED } from '../../../src/tenant/index.js';
import { cardProblems } from '../../support/adaptiveCards.js';
import { type Card, cardText } from '../../support/teams.js';
import { startTestApp, type TestApp } from '../../support/testApp.js';

const FIXED_PASSWORD = 'Tq7#mZ2!vR9@kL4$wX';

interface Walk {
  language: Language;
  locale: string;
  /** How the agent opens the conversation, in that language. */
  unblock: string;
  help: string;
  startOver: string;
  cancel: string;
}

const walks: Walk[] = [
  {
    language: 'en',
    locale: 'en-US',
    unblock: 'unblock',
    help: 'help',
    startOver: 'start over',
    cancel: 'cancel',
  },
  {
    language: 'da',
    locale: 'da-DK',
    unblock: 'fjern blokering af',
    help: 'hjælp',
    startOver: 'begynd forfra',
    cancel: 'annuller',
  },
  {
    language: 'sv',
    locale: 'sv-SE',
    unblock: 'avblockera',
    help: 'hjälp',
    startOver: 'börja om',
    cancel: 'avbryt',
  },
  {
    language: 'sl',
    locale: 'sl-SI',
    unblock: 'deblokiraj',
    help: 'pomoč',
    startOver: 'začni znova',
    cancel: 'prekliči',
  },
  {
    language: 'nl',
    locale: 'nl-NL',
    unblock: 'deblokkeer',
    help: 'hulp',
    startOver: 'opnieuw beginnen',
    cancel: 'annuleren',
  },
];

function leaves(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (node && typeof node === 'object') return Object.values(node).flatMap(leaves);
  return [];
}

/**
 * The pieces of English a translated card must not contain: every en text cut at its placeholders, keeping
 * pieces long enough to be sentences rather than names, minus those the language deliberately keeps (a
 * bounce message's wording, "Microsoft 365").
 */
function englishFragments(language: Language): string[] {
  const own = leaves(catalogues[language]).join('\n');
  const fragments = leaves(catalogues.en).flatMap((text) => text.split(/\{\{[^}]*\}\}/));
  return [...new Set(fragments.map((f) => f.trim()))].filter((f) => f.length > 12 && !own.includes(f));
}

function cardsOf(result: { card: Card | null; messages: Card[] }): Card[] {
  return [...(result.card ? [result.card] : []), ...result.messages];
}

describe('the runbook in every language over /api/messages', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp({}, { generatePassword: () => FIXED_PASSWORD });
  });
  afterEach(async () => {
    await t.stop();
  });

  for (const walk of walks) {
    const c = catalogues[walk.language];

    it(`${walk.language}: walks rob to an unblock request in ${walk.locale}, every card valid and in that language`, async () => {
      const seen: Card[] = [];
      const chat = t.chat(undefined, { locale: walk.locale });
      const keep = <T extends { card: Card | null; messages: Card[] }>(result: T): T => {
        seen.push(...cardsOf(result));
        return result;
      };

      const [help] = await chat.say(walk.help);
      assert.ok(help);
      seen.push(help);
      assert.ok(cardText(help).includes(c.help.title), 'the help card is in the language');

      const [password] = await chat.say(`${walk.unblock} rob@contoso.com`);
      assert.ok(password, 'a password card came back');
      seen.push(password);
      assert.ok(cardText(password).includes(c.password.title));

      const reset = keep(await chat.click('runbook.passwordResetNow'));
      assert.ok(reset.card && cardText(reset.card).includes(FIXED_PASSWORD));
      assert.ok(cardText(reset.card).includes(c.password.temporaryWarning));

      const restriction = keep(await chat.click('runbook.passwordNoted'));
      assert.ok(cardText(restriction.messages[0]).includes(c.restriction.since));

      const checks = keep(await chat.click('runbook.restrictionContinue'));
      assert.ok(cardText(checks.messages[0]).includes(c.checks.title));
      keep(await chat.click('runbook.revokeSessions'));

      const unblock = keep(await chat.click('runbook.checksContinue'));
      assert.ok(cardText(unblock.messages[0]).includes(c.unblock.action));

      const confirm = keep(await chat.click('runbook.unblock'));
      assert.ok(confirm.card);
      assert.ok(cardText(confirm.card).includes(c.unblock.confirmTitle));
      const done = keep(await chat.click(c.common.yes, {}, confirm.card));
      assert.ok(cardText(done.card).includes(c.state.pending_approval), 'the request waits for approval');

      const stale = keep(await chat.click('runbook.passwordResetNow', {}, password));
      assert.ok(cardText(stale.card).includes(c.errors.stepDone));

      // A second conversation: a choice of users, typed commands, a user who is not restricted.
      const other = t.chat(undefined, { locale: walk.locale });
      const [choose] = await other.say('rob');
      assert.ok(choose);
      seen.push(choose);
      assert.ok(cardText(choose).includes(c.who.choosePlaceholder));
      // roberta is not restricted: the runbook ends before any password step.
      const notRestricted = keep(await other.click('runbook.chooseUser', { userId: SEED.users.roberta.id }));
      assert.ok(cardText(notRestricted.messages.at(-1)).includes(c.restriction.notOnListNext));
      const [nobody] = await other.say(`${walk.unblock} nobody-by-this-name`);
      assert.ok(nobody);
      seen.push(nobody);
      seen.push(...(await other.say(walk.startOver)));
      seen.push(...(await other.say(walk.cancel)));

      assert.ok(seen.length >= 14, `saw ${seen.length} cards`);
      const text = seen.map(cardText).join('\n');
      assert.equal(text.includes('{{'), false, 'every placeholder is filled');
      if (walk.language !== 'en') {
        const leaked = englishFragments(walk.language).filter((f) => text.includes(f));
        assert.deepEqual(leaked, [], `English text in the ${walk.language} conversation`);
      }
      for (const card of seen) assert.deepEqual(cardProblems(card), [], cardText(card));
    });
  }

  it('answers an unsupported locale in English', async () => {
    const [card] = await t.chat(undefined, { locale: 'fr-FR' }).say('unblock rob@contoso.com');
    assert.ok(cardText(card).includes(catalogues.en.password.title));
  });

  it('finds English in a conversation that has it (the leak check can fail)', () => {
    const text = `${catalogues.da.password.title}\n${catalogues.en.restriction.blockedEverywhere}`;
    assert.deepEqual(
      englishFragments('da').filter((f) => text.includes(f)),
      [catalogues.en.restriction.blockedEverywhere],
    );
  });
});
