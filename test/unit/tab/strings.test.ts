// The tab speaks en, da, sv, sl and nl: every language has exactly English's keys, the same placeholders,
// and nothing empty; a Teams locale picks its language, anything else English.
import { strict as assert } from 'node:assert';
import { catalogues, fill, formats, resolveLanguage } from '../../../src/tab/client/strings/index.js';

function flatten(node: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) flatten(value, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into.set(prefix, String(node));
  }
  return into;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('Requests tab strings', () => {
  const english = flatten(catalogues.en);

  for (const [language, catalogue] of Object.entries(catalogues)) {
    it(`${language}: has every key with the same placeholders, none empty`, () => {
      const texts = flatten(catalogue);
      assert.deepEqual([...texts.keys()].sort(), [...english.keys()].sort());
      for (const [key, text] of texts) {
        assert.ok(text.trim().length > 0, `${language} ${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(english.get(key) ?? ''), `${language} ${key}`);
      }
    });
  }

  it('picks the language of a Teams locale, English for any other', () => {
    assert.equal(resolveLanguage('da-dk'), 'da');
    assert.equal(resolveLanguage('sl-SI'), 'sl');
    assert.equal(resolveLanguage('nl'), 'nl');
    assert.equal(resolveLanguage('fr-fr'), 'en');
    assert.equal(resolveLanguage(undefined), 'en');
  });

  it('fills placeholders and words durations in the language', () => {
    assert.equal(fill('Page {{number}}', { number: 3 }), 'Page 3');
    const now = new Date('2026-11-23T12:00:00Z');
    assert.match(formats('en').duration('2026-11-23T09:55:00Z', now), /^2 hr 5 min$/);
    assert.match(formats('en').duration('2026-11-20T10:00:00Z', now), /^3 days 2 hr$/);
    assert.notEqual(
      formats('da').duration('2026-11-23T09:55:00Z', now),
      formats('en').duration('2026-11-23T09:55:00Z', now),
    );
  });
});
