import { describe, expect, it } from '@jest/globals';
import { assertJsonSerializable } from './assert-json.js';

describe('assertJsonSerializable', () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic['self'] = { back: cyclic };
  const shared = { x: 1 };
  const cases: [string, unknown][] = [
    ['plain data', { a: 1, b: ['x', null, true, { c: 2.5 }], d: undefined, e: () => 1 }],
    ['a bigint deep inside', { a: [{ b: 1n }] }],
    ['a bigint in an array', [1, 2n]],
    ['a cycle', cyclic],
    ['the same object twice, no cycle', { one: shared, two: [shared, shared] }],
    ['a Date', { at: new Date(0) }],
    ['a toJSON that gives a bigint', { v: { toJSON: () => 1n } }],
    // eslint-disable-next-line no-sparse-arrays -- a hole is what JSON.stringify writes as null
    ['a sparse array', [1, , 3]],
  ];

  it.each(cases)('throws exactly where JSON.stringify throws: %s', (_name, value) => {
    let stringifyThrew = false;
    try {
      JSON.stringify(value);
    } catch {
      stringifyThrew = true;
    }
    if (stringifyThrew) expect(() => assertJsonSerializable(value)).toThrow(TypeError);
    else expect(() => assertJsonSerializable(value)).not.toThrow();
  });
});
