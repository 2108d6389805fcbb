import { strict as assert } from 'node:assert';
import { compileFilter, FilterError, filterLiterals } from '../../../src/tenant/simulator/odataFilter.js';

const props = ['userPrincipalName', 'mail', 'displayName', 'receivedDateTime'];

describe('simulator $filter', () => {
  const rob = { userPrincipalName: 'rob@contoso.com', mail: 'rob@contoso.com', displayName: 'Rob Young' };

  it('evaluates startswith/eq with or, case-insensitively', () => {
    assert.ok(compileFilter("startswith(userPrincipalName,'ROB') or startswith(mail,'x')", props)(rob));
    assert.ok(compileFilter("userPrincipalName eq 'x' or mail eq 'Rob@Contoso.com'", props)(rob));
    assert.ok(!compileFilter("startswith(displayName,'young')", props)(rob));
  });

  it('unescapes doubled quotes', () => {
    assert.ok(compileFilter("displayName eq 'O''Brien'", props)({ displayName: "O'Brien" }));
  });

  it('compares unquoted DateTimeOffset literals as times', () => {
    const f = compileFilter(
      'receivedDateTime ge 2026-11-22T10:00:00Z and receivedDateTime le 2026-11-22T12:00:00Z',
      props,
    );
    assert.ok(f({ receivedDateTime: '2026-11-22T11:00:00.000Z' }));
    assert.ok(!f({ receivedDateTime: '2026-11-22T12:00:01.000Z' }));
    assert.deepEqual(filterLiterals('receivedDateTime ge 2026-11-22T10:00:00Z', 'receivedDateTime', 'ge'), [
      '2026-11-22T10:00:00Z',
    ]);
  });

  it('refuses unknown properties and broken syntax', () => {
    assert.throws(() => compileFilter("password eq 'x'", props), FilterError);
    assert.throws(() => compileFilter("startswith(mail,'x'", props), FilterError);
    assert.throws(() => compileFilter("mail eq 'unterminated", props), FilterError);
    assert.throws(() => compileFilter('mail has x', props), FilterError);
  });
});
