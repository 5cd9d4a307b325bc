import { describe, expect, it } from '@jest/globals';
import { normalizeRequirementName } from './normalize-requirement-name.js';

describe('normalizing a requirement name', () => {
  it('lower-cases and trims', () =>
    expect(normalizeRequirementName('  Copy of Passport ')).toBe('copy of passport'));

  it('collapses runs of white space and punctuation into one space', () => {
    expect(normalizeRequirementName('Копия  паспорта.')).toBe('копия паспорта');
    expect(normalizeRequirementName('Copy\tof\n passport;')).toBe('copy of passport');
    expect(normalizeRequirementName('Certificate (form No. 2-NDFL)')).toBe('certificate form no 2 ndfl');
    expect(normalizeRequirementName('Tax — clearance / certificate')).toBe('tax clearance certificate');
  });

  it('drops the diacritics of Latin letters', () => {
    expect(normalizeRequirementName('Tüzüm')).toBe('tuzum');
    expect(normalizeRequirementName('Çertifikat Ş')).toBe('certifikat s');
    expect(normalizeRequirementName('Résumé')).toBe('resume');
  });

  it('folds Latin letters that Unicode does not decompose', () => {
    expect(normalizeRequirementName('Straße')).toBe('strasse');
    expect(normalizeRequirementName('Işık')).toBe('isik');
  });

  it('writes ё as е', () => {
    expect(normalizeRequirementName('Учётная карточка')).toBe('учетная карточка');
    expect(normalizeRequirementName('ЁЛКА')).toBe('елка');
  });

  it('writes ё as е even when it arrives decomposed', () =>
    expect(normalizeRequirementName('Учётная'.normalize('NFD'))).toBe('учетная'));

  it('keeps й, a letter of its own, even when it arrives decomposed', () =>
    expect(normalizeRequirementName('Трудовой'.normalize('NFD'))).toBe('трудовой'));

  it('writes the Kyrgyz letters ө, ү and ң as о, у and н', () =>
    expect(normalizeRequirementName('Күбөлүк, Төлөм ҢҮӨ')).toBe('куболук толом нуо'));

  it('drops a stress mark without splitting the word', () =>
    expect(normalizeRequirementName('спра\u0301вка')).toBe('справка'));

  it('drops apostrophes inside words', () =>
    expect(normalizeRequirementName("Owner's ID")).toBe('owners id'));

  it('keeps digits', () => expect(normalizeRequirementName('Form 3-A')).toBe('form 3 a'));

  it('makes a name of only punctuation empty', () => expect(normalizeRequirementName(' — . ')).toBe(''));

  it('gives names that differ only in case, spacing and punctuation the same form', () =>
    expect(normalizeRequirementName('КОПИЯ паспорта')).toBe(normalizeRequirementName('копия  паспорта.')));
});
