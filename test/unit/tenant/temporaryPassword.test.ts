import { strict as assert } from 'node:assert';
import crypto from 'node:crypto';
import sinon from 'sinon';
import { generateTemporaryPassword } from '../../../src/tenant/temporaryPassword.js';

describe('generateTemporaryPassword', () => {
  afterEach(() => sinon.restore());

  it('is 20 characters by default and honours a longer length', () => {
    assert.equal(generateTemporaryPassword().length, 20);
    assert.equal(generateTemporaryPassword(32).length, 32);
  });

  it('refuses lengths under 16', () => {
    assert.throws(() => generateTemporaryPassword(15), RangeError);
    assert.throws(() => generateTemporaryPassword(16.5), RangeError);
  });

  it('always contains upper, lower, digit and symbol, and no look-alike characters', () => {
    for (let i = 0; i < 500; i++) {
      const p = generateTemporaryPassword(16);
      assert.match(p, /[A-Z]/);
      assert.match(p, /[a-z]/);
      assert.match(p, /[2-9]/);
      assert.match(p, /[^A-Za-z0-9]/);
      assert.doesNotMatch(p, /[IOl01*_\-\s]/);
    }
  });

  it('draws every character and every shuffle step from crypto.randomInt', () => {
    const randomInt = sinon
      .stub(crypto, 'randomInt')
      .callsFake(((max: number) => max - 1) as typeof crypto.randomInt);
    const p = generateTemporaryPassword(16);
    // 16 picks + 15 Fisher–Yates swaps.
    assert.equal(randomInt.callCount, 31);
    assert.equal(p.length, 16);
  });

  it('places the guaranteed classes anywhere (the shuffle moves the first four characters)', () => {
    const positions = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const p = generateTemporaryPassword(16);
      positions.add(p.search(/[2-9]/));
    }
    assert.ok(positions.size > 4, `digits appeared only at ${[...positions].join(',')}`);
  });

  it('does not repeat', () => {
    const seen = new Set(Array.from({ length: 200 }, () => generateTemporaryPassword()));
    assert.equal(seen.size, 200);
  });
});
