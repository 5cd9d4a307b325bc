/** Latin letters that Unicode does not decompose into a base letter and a diacritic. */
const UNDECOMPOSABLE_LATIN: Readonly<Record<string, string>> = {
  ı: 'i',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
};

/** Kyrgyz letters typed as their nearest Russian-keyboard letter. */
const KYRGYZ_LETTERS: Readonly<Record<string, string>> = { ө: 'о', ү: 'у', ң: 'н' };

const LATIN_LETTER_WITH_MARKS = /\p{Script=Latin}\p{M}*/gu;
const KYRGYZ_LETTER = /[өүң]/g;
// Dashes, apostrophes and spaces differ between sources for the same name (Jalal-Abad, Jalal Abad, Jalalabad).
const SEPARATORS = /[\s\p{Pd}'’‘ʼʻ`´]+/gu;

function plainLatin(letter: string): string {
  const base = letter.normalize('NFD').replace(/\p{M}/gu, '');
  return UNDECOMPOSABLE_LATIN[base] ?? base;
}

/**
 * The form names are compared in when searching: lower case, Latin letters without diacritics,
 * Kyrgyz ө/ү/ң as о/у/н, no dashes, apostrophes or spaces. Cyrillic й and ё are kept: they are
 * letters of their own in Russian, not и and е with a mark.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(LATIN_LETTER_WITH_MARKS, plainLatin)
    .replace(KYRGYZ_LETTER, (letter) => KYRGYZ_LETTERS[letter] ?? letter)
    .replace(SEPARATORS, '');
}
