import { describe, expect, it } from '@jest/globals';
import { sameJson } from './same-json.js';

describe('sameJson', () => {
  it('compares JSON-like values deeply, objects by their keys in any order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'y' }] })).toBe(false);
  });

  it('treats a property set to undefined as absent, as JSON does, but not null', () => {
    expect(sameJson({ a: 1, note: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1, note: null }, { a: 1 })).toBe(false);
  });

  it('keeps the order of arrays and tells arrays from objects', () => {
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson([], [])).toBe(true);
  });
});
