import { strict as assert } from 'node:assert';
import { parseStoredObject } from '../../../src/store/sqlite/json.js';

describe('parseStoredObject', () => {
  it('returns the stored object', () => {
    assert.deepEqual(parseStoredObject('{"a":[1,{"b":null}]}', 'test'), { a: [1, { b: null }] });
  });

  it('drops "__proto__" keys at every depth, so copying the value cannot set a prototype', () => {
    const value = parseStoredObject(
      '{"__proto__":{"polluted":true},"inner":{"__proto__":{"x":1}},"a":1}',
      'test',
    );
    assert.deepEqual(value, { inner: {}, a: 1 });
    const copy = Object.assign({}, value);
    assert.equal((copy as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(copy), Object.prototype);
  });

  it('drops "__proto__" spelled with unicode escapes too', () => {
    const value = parseStoredObject('{"\\u005f_proto__":{"polluted":true},"a":1}', 'test');
    assert.deepEqual(value, { a: 1 });
    assert.equal(Object.getPrototypeOf(Object.assign({}, value)), Object.prototype);
  });

  it('refuses a document that is not an object', () => {
    assert.throws(() => parseStoredObject('42', 'state item'), /state item is not a JSON object/);
    assert.throws(() => parseStoredObject('null', 'state item'), /not a JSON object/);
  });
});
