import { strict as assert } from 'node:assert';
import type { DirectoryUser } from '../../../src/runbook/types.js';
import {
  exactAddressFilter,
  normaliseQuery,
  prefixFilter,
  rankUsers,
} from '../../../src/tenant/live/userSearch.js';

const user = (upn: string, displayName: string, mail: string | null = upn): DirectoryUser => ({
  id: upn,
  userPrincipalName: upn,
  displayName,
  mail,
  onPremisesSyncEnabled: false,
});

describe('user search input', () => {
  it('doubles single quotes in OData literals', () => {
    assert.equal(
      prefixFilter("o'brien"),
      "startswith(userPrincipalName,'o''brien') or startswith(mail,'o''brien') or startswith(displayName,'o''brien')",
    );
    assert.equal(exactAddressFilter("x'@y.com"), "userPrincipalName eq 'x''@y.com' or mail eq 'x''@y.com'");
  });

  it('an injection attempt stays inside the literal', () => {
    const filter = prefixFilter("rob') or startswith(displayName,'");
    const unescapedQuotes = filter.replaceAll("''", '').split("'").length - 1;
    assert.equal(unescapedQuotes, 6, 'three literals, each opened and closed once');
    assert.match(filter, /'rob''\) or startswith\(displayName,'''\)/);
  });

  it('trims, strips control characters and refuses empty or over-long input', () => {
    assert.equal(normaliseQuery('  rob\u0000\n  young '), 'rob young');
    assert.equal(normaliseQuery('\u202e\u0007'), null);
    assert.equal(normaliseQuery(''), null);
    assert.equal(normaliseQuery('a'.repeat(256)), 'a'.repeat(256));
    assert.equal(normaliseQuery('a'.repeat(257)), null);
  });

  it('ranks exact addresses, then the alias, then display names', () => {
    const ranked = rankUsers(
      [
        user('robert.smith@contoso.com', 'Robert Smith'),
        user('x@contoso.com', 'Robin X'),
        user('rob@contoso.com', 'Rob Young'),
        user('roberta@contoso.com', 'Roberta Diaz'),
      ],
      'rob',
    );
    assert.deepEqual(
      ranked.map((u) => u.userPrincipalName),
      ['rob@contoso.com', 'robert.smith@contoso.com', 'roberta@contoso.com', 'x@contoso.com'],
    );
  });
});

describe('normaliseQuery and lone surrogates', () => {
  it('drops a lone surrogate so the query can be URL-encoded', () => {
    const query = normaliseQuery('rob\ud800');
    assert.equal(query, 'rob');
    assert.doesNotThrow(() => encodeURIComponent(query ?? ''));
  });
});
