import { describe, expect, it } from '@jest/globals';
import { Random } from './random.js';

describe('the seeded generator', () => {
  it('gives the same sequence for the same seed, another for another seed', () => {
    const draw = (seed: string) => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.nextUint32());
    };
    expect(draw('redtape')).toEqual(draw('redtape'));
    expect(draw('redtape')).not.toEqual(draw('redtape-2'));
  });

  it('keeps its sequence: a change here changes every cached history (bump GENERATOR_VERSION)', () => {
    const random = new Random('redtape');
    expect([random.nextUint32(), random.nextUint32(), random.int(1, 6), random.uuid()]).toMatchSnapshot();
  });

  it('draws whole numbers within the bounds, both ends included', () => {
    const random = new Random('bounds');
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(() => random.int(5, 4)).toThrow(RangeError);
  });

  it('picks by weight and never a key without weight', () => {
    const random = new Random('weights');
    const picks = Array.from({ length: 4000 }, () => random.weighted({ often: 3, rarely: 1, never: 0 }));
    expect(picks).not.toContain('never');
    const often = picks.filter((pick) => pick === 'often').length / picks.length;
    expect(often).toBeGreaterThan(0.7);
    expect(often).toBeLessThan(0.8);
  });

  it('shuffles into a permutation and makes version-4 UUIDs', () => {
    const random = new Random('shapes');
    expect(random.shuffled([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
