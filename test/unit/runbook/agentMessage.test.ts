import { strict as assert } from 'node:assert';
import { extractUserQuery, parseAgentMessage } from '../../../src/runbook/index.js';

describe('understanding what an agent types', () => {
  const cases: [string, string | null][] = [
    ['unblock rob', 'rob'],
    ['rob is blocked', 'rob'],
    ['Please unblock rob@contoso.com!', 'rob@contoso.com'],
    ['unblock <rob@contoso.com>', 'rob@contoso.com'],
    ['mailto:rob@contoso.com is blocked', 'rob@contoso.com'],
    ['rob.smith can’t send email', 'rob.smith'],
    ['hello', null],
    ['unblock', null],
    ['', null],
    ['fjern blokering af rob', 'rob'],
    ['avblockera rob', 'rob'],
    ['deblokiraj rob', 'rob'],
    ['rob is geblokkeerd', 'rob'],
  ];
  for (const [text, expected] of cases) {
    it(`finds ${expected === null ? 'nobody' : `"${expected}"`} in "${text}"`, () => {
      assert.equal(extractUserQuery(text), expected);
    });
  }

  it('caps the query length', () => {
    assert.equal(extractUserQuery('x'.repeat(5000))?.length, 256);
  });

  it('recognises help, start over and cancel in every language', () => {
    for (const word of ['help', 'Help!', 'hjælp', 'hjälp', 'pomoč', 'hulp'])
      assert.deepEqual(parseAgentMessage(word), { kind: 'help' });
    for (const word of [
      'start over',
      'Start  over.',
      'begynd forfra',
      'börja om',
      'začni znova',
      'opnieuw beginnen',
    ]) {
      assert.deepEqual(parseAgentMessage(word), { kind: 'start-over' });
    }
    for (const word of ['cancel', 'annuller', 'avbryt', 'prekliči', 'annuleren'])
      assert.deepEqual(parseAgentMessage(word), { kind: 'cancel' });
  });

  it('treats anything else as a request to unblock someone', () => {
    assert.deepEqual(parseAgentMessage('unblock rob'), { kind: 'unblock', query: 'rob' });
    assert.deepEqual(parseAgentMessage('can you help with rob'), { kind: 'unblock', query: 'rob' });
  });

  it('takes the address among several @-words, never a malformed one', () => {
    assert.equal(extractUserQuery('unblock x@y@z rob@contoso.com'), 'rob@contoso.com');
    assert.equal(extractUserQuery('unblock @rob rob@contoso.com'), 'rob@contoso.com');
    assert.equal(extractUserQuery('unblock rob@ rob@contoso.com'), 'rob@contoso.com');
  });

  it('reads a name between quotes or dots, or after a separator', () => {
    assert.equal(extractUserQuery('"rob"'), 'rob');
    assert.equal(extractUserQuery(' , unblock: rob'), 'rob');
    assert.equal(extractUserQuery('unblock ..rob..'), 'rob');
    assert.equal(extractUserQuery('unblock rob.smith.'), 'rob.smith');
  });

  it('reads full-width and spaced commands as Teams may send them', () => {
    assert.deepEqual(parseAgentMessage('ｈｅｌｐ'), { kind: 'help' }, 'full-width letters (NFKC)');
    assert.deepEqual(parseAgentMessage('  Cancel\n'), { kind: 'cancel' });
    assert.deepEqual(parseAgentMessage('start\t  over!!'), { kind: 'start-over' });
    assert.deepEqual(parseAgentMessage('status...'), { kind: 'status' });
    assert.deepEqual(parseAgentMessage('unblock ｒｏｂ'), { kind: 'unblock', query: 'rob' });
  });
});
