import { describe, expect, it } from '@jest/globals';
import { authorityStream, reformStageStream, unitStream } from './streams.js';

describe('stream ids', () => {
  it('names a unit’s stream after its id', () => expect(unitStream('city/tokmok')).toBe('unit-city/tokmok'));
  it('names an authority’s stream after its id', () =>
    expect(authorityStream('district-akimat/nookat')).toBe('authority-district-akimat/nookat'));
  it('names a reform stage’s stream after its number', () =>
    expect(reformStageStream(2)).toBe('reform-stage-2'));
});
