// Every language has exactly en's keys (plus the plural forms its grammar needs), the same placeholders and
// the same Markdown, and nothing empty. Also: which language a Teams locale gets, and dates per locale.
import { strict as assert } from 'node:assert';
import {
  type Catalogue,
  catalogues,
  createTranslator,
  type Language,
  type MessageKey,
  resolveLanguage,
  supportedLanguages,
} from '../../../src/i18n/index.js';
import { parseAgentMessage } from '../../../src/runbook/index.js';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** { a: { b: 'x' } } → Map { 'a.b' => 'x' }; a non-string leaf is kept so the test can report it. */
function flatten(node: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, node);
  }
  return into;
}

const pluralBase = (key: string): string | null =>
  PLURAL_SUFFIX.test(key) ? key.replace(PLURAL_SUFFIX, '') : null;

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1] ?? ''))].sort();
}

const boldMarks = (text: string): number => text.split('**').length - 1;

function pluralCategories(language: string): string[] {
  return [...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort();
}

const source = flatten(catalogues.en);
const sourceBases = new Set([...source.keys()].map(pluralBase).filter((b): b is string => b !== null));

/** The keys a language must have: en's plain keys, and every plural category its grammar uses. */
function expectedKeys(language: string): Set<string> {
  const keys = new Set([...source.keys()].filter((k) => pluralBase(k) === null));
  for (const base of sourceBases)
    for (const category of pluralCategories(language)) keys.add(`${base}_${category}`);
  return keys;
}

/** What en says for a key; for a plural form, every en form of that base (their placeholders are one set). */
function sourceTexts(key: string): string[] {
  const base = pluralBase(key);
  if (base === null) return source.has(key) ? [String(source.get(key))] : [];
  return [...source.entries()].filter(([k]) => pluralBase(k) === base).map(([, v]) => String(v));
}

type Problem = {
  kind: 'missing' | 'extra' | 'empty' | 'placeholders' | 'markdown';
  key: string;
  detail?: string;
};

/** Everything wrong with a language's catalogue compared with en. */
function catalogueProblems(language: string, catalogue: unknown): Problem[] {
  const flat = flatten(catalogue);
  const expected = expectedKeys(language);
  const problems: Problem[] = [];
  for (const key of expected) if (!flat.has(key)) problems.push({ kind: 'missing', key });
  for (const [key, value] of flat) {
    if (!expected.has(key)) {
      problems.push({ kind: 'extra', key });
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push({ kind: 'empty', key });
      continue;
    }
    const en = sourceTexts(key);
    const want = [...new Set(en.flatMap(placeholders))].sort().join(', ');
    const got = placeholders(value).join(', ');
    if (got !== want) problems.push({ kind: 'placeholders', key, detail: `${got} ≠ en ${want}` });
    const bold = boldMarks(value);
    if (!en.some((e) => boldMarks(e) === bold) || bold % 2 !== 0)
      problems.push({ kind: 'markdown', key, detail: `${bold} "**" ≠ en ${en.map(boldMarks).join('/')}` });
  }
  return problems;
}

const describeProblems = (problems: Problem[]) =>
  problems.map((p) => `${p.kind} ${p.key}${p.detail ? `: ${p.detail}` : ''}`);

describe('message catalogues', () => {
  it('ships a catalogue for every supported language, and nothing else', () => {
    assert.deepEqual(Object.keys(catalogues).sort(), [...supportedLanguages].sort());
  });

  for (const language of supportedLanguages) {
    describe(language, () => {
      const catalogue: Catalogue = catalogues[language];
      const problems = (...kinds: Problem['kind'][]) =>
        describeProblems(catalogueProblems(language, catalogue).filter((p) => kinds.includes(p.kind)));

      it('has every key of en and no other', () => {
        assert.deepEqual(problems('missing', 'extra'), []);
      });

      it('has a plural form for every category Intl.PluralRules uses in this language', () => {
        const flat = flatten(catalogue);
        const categories = pluralCategories(language);
        for (const base of sourceBases) {
          const present = categories.filter((c) => flat.has(`${base}_${c}`));
          assert.deepEqual(present, categories, `${language}: ${base}`);
        }
      });

      it('has no empty value', () => {
        assert.deepEqual(problems('empty'), []);
      });

      it("uses exactly en's placeholders and Markdown bold", () => {
        assert.deepEqual(problems('placeholders', 'markdown'), []);
      });
    });
  }

  it('reports a missing, extra, empty or changed key (the check can fail)', () => {
    const broken = {
      ...catalogues.da,
      app: { name: '  ', stepOf: 'Trin {{nummer}} af {{count}}', extra: 'x' },
      common: { ...catalogues.da.common, cancel: undefined },
      help: { ...catalogues.da.help, commands: 'Skriv hjælp.' },
      checks: { ...catalogues.da.checks, rulesCount_few: '{{count}} regler' },
    };
    const sl = { ...catalogues.sl, checks: { ...catalogues.sl.checks, rulesCount_two: undefined } };
    assert.deepEqual(describeProblems(catalogueProblems('da', broken)).sort(), [
      'empty app.name',
      'empty common.cancel',
      'extra app.extra',
      'extra checks.rulesCount_few',
      'markdown help.commands: 0 "**" ≠ en 6',
      'placeholders app.stepOf: count, nummer ≠ en count, number',
    ]);
    assert.deepEqual(describeProblems(catalogueProblems('sl', sl)), ['empty checks.rulesCount_two']);
  });
});

describe('command words in the texts', () => {
  const bold = (text: string) => [...text.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1] ?? '');

  for (const language of supportedLanguages) {
    const c = catalogues[language];

    it(`${language}: every word the help tells the agent to type is understood`, () => {
      assert.deepEqual(
        bold(c.help.commands).map((w) => parseAgentMessage(w).kind),
        ['help', 'start-over', 'cancel'],
      );
      for (const example of bold(c.help.howToStart))
        assert.match(JSON.stringify(parseAgentMessage(example)), /"query":"rob(@contoso\.com)?"/, example);
      for (const text of [c.cancelled.again, c.errors.noRunbook, c.status.none, c.agentNote.expired]) {
        const [word] = bold(text);
        assert.deepEqual(parseAgentMessage(`${word} rob`), { kind: 'unblock', query: 'rob' }, text);
      }
      for (const text of [
        c.errors.useButtons,
        c.errors.stepDoneText,
        c.errors.unknownAction,
        c.errors.userGone,
      ])
        for (const word of bold(text))
          assert.ok(['start-over', 'cancel'].includes(parseAgentMessage(word).kind), `${language}: ${word}`);
    });
  }
});

describe('plural forms at run time', () => {
  const t = createTranslator();

  it('picks the Slovenian one, two, few and other forms by count', () => {
    assert.match(t.t('sl', 'checks.rulesCount', { count: 1 }), /^1 pravilo,/);
    assert.match(t.t('sl', 'checks.rulesCount', { count: 2 }), /^2 pravili,/);
    assert.match(t.t('sl', 'checks.rulesCount', { count: 3 }), /^3 pravila,/);
    assert.match(t.t('sl', 'checks.rulesCount', { count: 5 }), /^5 pravil,/);
    assert.match(t.t('sl', 'checks.rulesCount', { count: 102 }), /^102 pravili,/);
  });

  it('picks one and other in Danish, Swedish and Dutch', () => {
    for (const language of ['da', 'sv', 'nl'] as const) {
      assert.equal(
        t.t(language, 'checks.rulesSuspicious', { count: 1, names: '"x"' }),
        catalogues[language].checks.rulesSuspicious_one.replace('{{count}}', '1').replace('{{names}}', '"x"'),
      );
      assert.equal(
        t.t(language, 'checks.rulesSuspicious', { count: 4, names: '"x"' }),
        catalogues[language].checks.rulesSuspicious_other
          .replace('{{count}}', '4')
          .replace('{{names}}', '"x"'),
      );
    }
  });

  it('counts one thing in the singular in every English text that shows a count ("1 time", not "1 times")', () => {
    const countBases = [...source.entries()]
      .filter(([, text]) => String(text).includes('{{count}}'))
      .map(([key]) => pluralBase(key) ?? key);
    assert.ok(countBases.length >= 10, `${countBases.length} texts with a count`);
    for (const key of new Set(countBases)) {
      const vars = Object.fromEntries(
        placeholders(sourceTexts(key)[0] ?? sourceTexts(`${key}_one`)[0] ?? '').map((p) => [p, 'X']),
      );
      const text = t.t('en', key as MessageKey, { ...vars, count: 1 });
      // A plural noun after "1", with at most one word between ("1 risk detections"); "suspicious" is no plural.
      assert.doesNotMatch(text, /\b1 (?:[a-z]+ )?[a-z]+s(?<!ous|ss)\b/, `${key}: ${text}`);
    }
  });

  it('shows a count in Danish, Swedish and Dutch with the singular noun for one', () => {
    assert.match(t.t('da', 'repeat.cap', { count: 1, max: 3 }), /fjernet 1 gang /);
    assert.match(t.t('da', 'repeat.cap', { count: 2, max: 3 }), /fjernet 2 gange /);
    assert.match(t.t('sv', 'evidence.riskValue', { count: 1, level: 'hög' }), /1 riskidentifiering de/);
    assert.match(t.t('nl', 'wave.approving', { count: 1 }), /^1 account wordt/);
    assert.match(t.t('nl', 'wave.approving', { count: 7 }), /^7 accounts worden/);
  });

  it('speaks every language by default and keeps placeholders filled', () => {
    for (const language of supportedLanguages) {
      const text = t.t(language, 'password.question', { user: 'rob@contoso.com' });
      assert.ok(text.includes('rob@contoso.com'), language);
      assert.equal(text.includes('{{'), false, language);
    }
    assert.equal(t.t('da', 'common.yes'), 'Ja');
    assert.equal(t.t('sv', 'unblock.action'), 'Avblockera');
    assert.equal(t.t('sl', 'unblock.action'), 'Deblokiraj');
    assert.equal(t.t('nl', 'restriction.onList', { user: 'x' }), 'x staat op de pagina Beperkte entiteiten.');
  });
});

describe('resolveLanguage', () => {
  const cases: [string | undefined | null, Language][] = [
    ['da-DK', 'da'],
    ['sv-SE', 'sv'],
    ['sv-FI', 'sv'],
    ['sl-SI', 'sl'],
    ['nl-NL', 'nl'],
    ['nl-BE', 'nl'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['DA_dk', 'da'],
    ['fr-FR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [null, 'en'],
    ['%%%-??', 'en'],
    ['dan', 'en'],
  ];
  for (const [locale, language] of cases) {
    it(`gives ${JSON.stringify(locale)} ${language}`, () => {
      assert.equal(resolveLanguage(locale), language);
    });
  }
});

describe('formatDateTime', () => {
  const winter = '2026-11-23T10:02:00Z';
  const summer = '2026-07-01T10:02:00Z';

  it('writes the date in the language and the time in the tenant time zone', () => {
    const cet = createTranslator(undefined, 'Europe/Copenhagen');
    assert.match(cet.formatDateTime('da', winter), /^23\. nov\.? 2026,? 11[.:]02$/);
    assert.match(cet.formatDateTime('da', summer), /12[.:]02$/, 'summer time');
    assert.match(cet.formatDateTime('sv', winter), /^23 nov\.? 2026,? 11:02$/);
    assert.match(cet.formatDateTime('sl', winter), /^23\. nov\.? 2026,? 11:02$/);
    assert.match(cet.formatDateTime('nl', winter), /^23 nov\.? 2026,? 11:02$/);
  });

  it('uses UTC unless told otherwise, and English month names for en', () => {
    const utc = createTranslator();
    assert.match(utc.formatDateTime('en', winter), /^Nov 23, 2026,? 10:02\sAM$/);
    assert.match(utc.formatDateTime('sl', winter), /10:02$/);
  });

  it('returns a string that is not a date unchanged', () => {
    assert.equal(createTranslator().formatDateTime('da', 'not a date'), 'not a date');
  });
});
