import { describe, expect, it } from '@jest/globals';
import { searchForm } from './search-form.js';

describe('the search form of a name', () => {
  it('lower-cases and trims', () => expect(searchForm('  Copy of Passport ')).toBe('copy of passport'));

  it('collapses runs of white space and punctuation into one space', () => {
    expect(searchForm('Копия  паспорта.')).toBe('копия паспорта');
    expect(searchForm('Copy\tof\n passport;')).toBe('copy of passport');
    expect(searchForm('Certificate (form No. 2-NDFL)')).toBe('certificate form no 2 ndfl');
    expect(searchForm('Tax — clearance / certificate')).toBe('tax clearance certificate');
  });

  it('drops the diacritics of Latin letters', () => {
    expect(searchForm('Tüzüm')).toBe('tuzum');
    expect(searchForm('Çertifikat Ş')).toBe('certifikat s');
    expect(searchForm('Résumé')).toBe('resume');
  });

  it('folds Latin letters that Unicode does not decompose', () => {
    expect(searchForm('Straße')).toBe('strasse');
    expect(searchForm('Işık')).toBe('isik');
  });

  it('writes ё as е', () => {
    expect(searchForm('Учётная карточка')).toBe('учетная карточка');
    expect(searchForm('ЁЛКА')).toBe('елка');
  });

  it('writes ё as е even when it arrives decomposed', () =>
    expect(searchForm('Учётная'.normalize('NFD'))).toBe('учетная'));

  it('keeps й, a letter of its own, even when it arrives decomposed', () =>
    expect(searchForm('Трудовой'.normalize('NFD'))).toBe('трудовой'));

  it('writes the Kyrgyz letters ө, ү and ң as о, у and н', () =>
    expect(searchForm('Күбөлүк, Төлөм ҢҮӨ')).toBe('куболук толом нуо'));

  it('drops a stress mark without splitting the word', () =>
    expect(searchForm('спра\u0301вка')).toBe('справка'));

  it('drops apostrophes inside words', () => expect(searchForm("Owner's ID")).toBe('owners id'));

  it('keeps digits', () => expect(searchForm('Form 3-A')).toBe('form 3 a'));

  it('makes a name of only punctuation empty', () => expect(searchForm(' — . ')).toBe(''));

  it('gives names that differ only in case, spacing and punctuation the same form', () =>
    expect(searchForm('КОПИЯ паспорта')).toBe(searchForm('копия  паспорта.')));
});
