import { describe, expect, it } from '@jest/globals';
import { nameSimilarity } from './name-similarity.js';

describe('how alike two names are', () => {
  it('scores names that normalize alike 1', () => {
    expect(nameSimilarity('Копия паспорта', 'копия  паспорта.')).toBe(1);
    expect(nameSimilarity('Учётная карточка', 'учетная карточка')).toBe(1);
  });

  it('scores the same words in another order high', () =>
    expect(nameSimilarity('Copy of passport', 'Passport copy')).toBeGreaterThanOrEqual(0.8));

  it('scores a reworded English title high', () => {
    expect(nameSimilarity('Land title certificate', 'Certificate of land title')).toBeGreaterThanOrEqual(0.8);
    expect(
      nameSimilarity('Building permit application', 'Application for a building permit'),
    ).toBeGreaterThanOrEqual(0.8);
  });

  it('scores a Russian name with another word form and order fairly high', () =>
    expect(nameSimilarity('Копия паспорта', 'Паспорт (копия)')).toBeGreaterThan(0.7));

  it('scores a small spelling difference fairly high', () =>
    expect(nameSimilarity('Business licence', 'Business license')).toBeGreaterThan(0.7));

  it('scores copies of different documents below a duplicate', () =>
    expect(nameSimilarity('Copy of passport', 'Copy of diploma')).toBeLessThan(0.6));

  it('scores unrelated names low', () => {
    expect(nameSimilarity('Copy of passport', 'Certificate of no criminal record')).toBeLessThan(0.3);
    expect(nameSimilarity('Справка о несудимости', 'Копия паспорта')).toBe(0);
    expect(nameSimilarity('Copy of passport', 'Копия паспорта')).toBe(0);
  });

  it('is symmetric', () =>
    expect(nameSimilarity('Passport copy', 'Copy of passport')).toBe(
      nameSimilarity('Copy of passport', 'Passport copy'),
    ));

  it('stays between 0 and 1', () => {
    for (const [a, b] of [
      ['a', 'a a a'],
      ['aaa', 'aaaa'],
      ['Lease contract', 'Lease contract for the trading place'],
    ] as const) {
      const score = nameSimilarity(a, b);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('scores an empty name 0 against any other and 1 against another empty one', () => {
    expect(nameSimilarity('', 'Copy of passport')).toBe(0);
    expect(nameSimilarity(' . ', '')).toBe(1);
  });
});
