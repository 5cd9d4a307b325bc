import { describe, expect, it } from '@jest/globals';
import {
  authorityStream,
  reformStageStream,
  REGIONS_STREAMS,
  unitIdOfStream,
  unitStream,
} from './streams.js';

describe('stream ids', () => {
  it('names a unit’s stream after its id', () => expect(unitStream('city/tokmok')).toBe('unit-city/tokmok'));
  it('names an authority’s stream after its id', () =>
    expect(authorityStream('district-akimat/nookat')).toBe('authority-district-akimat/nookat'));
  it('names a reform stage’s stream after its number', () =>
    expect(reformStageStream(2)).toBe('reform-stage-2'));
  it('reads the unit id back from a unit’s stream', () =>
    expect(unitIdOfStream(unitStream('city/tokmok'))).toBe('city/tokmok'));

  it('selects every stream the context writes, and only those', () => {
    const selected = (streamId: string) =>
      REGIONS_STREAMS.streamPrefixes.some((prefix) => streamId.startsWith(prefix));
    expect(
      [unitStream('city/tokmok'), authorityStream('mayors-office/tokmok'), reformStageStream(1)].every(
        selected,
      ),
    ).toBe(true);
    expect(selected('procedure-p1')).toBe(false);
  });
});
