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

/**
 * Cyrillic letters written interchangeably with a plainer one: ё is commonly printed as е, and the
 * Kyrgyz ө, ү, ң are often typed as о, у, н on a Russian keyboard. й stays: it is a letter of its own.
 */
const CYRILLIC_FOLDS: Readonly<Record<string, string>> = { ё: 'е', ө: 'о', ү: 'у', ң: 'н' };

const LATIN_LETTER_WITH_MARKS = /\p{Script=Latin}\p{M}*/gu;
const FOLDED_CYRILLIC = /[ёөүң]/g;
// Marks left on non-Latin letters after NFC, such as a stress accent over a Cyrillic vowel (а́).
const REMAINING_MARKS = /\p{M}/gu;
const APOSTROPHES = /['’‘ʼʻ`´]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

// Names are folded for every search row a read model writes: each letter is worked out once. Letters
// with marks are few; the bound keeps a stream of made-up combinations from filling memory.
const PLAIN_LETTERS = new Map<string, string>();
const MOST_REMEMBERED_LETTERS = 2048;

function plainLatin(letter: string): string {
  const known = PLAIN_LETTERS.get(letter);
  if (known !== undefined) return known;
  const base = letter.normalize('NFD').replace(/\p{M}/gu, '');
  const plain = UNDECOMPOSABLE_LATIN[base] ?? base;
  if (PLAIN_LETTERS.size < MOST_REMEMBERED_LETTERS) PLAIN_LETTERS.set(letter, plain);
  return plain;
}

/**
 * The form in which names are compared and searched (requirement names, titles, officials' names),
 * in every context: lower case; Latin letters without
 * diacritics (ü → u, ş → s); Cyrillic ё → е and Kyrgyz ө/ү/ң → о/у/н; stress marks and apostrophes
 * dropped; every other run of spaces, punctuation and symbols made one space; trimmed.
 * "Копия  паспорта." and "копия паспорта" are the same name; so are "Tüzüm" and "tuzum".
 */
export function searchForm(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(LATIN_LETTER_WITH_MARKS, plainLatin)
    .replace(FOLDED_CYRILLIC, (letter) => CYRILLIC_FOLDS[letter] ?? letter)
    .replace(REMAINING_MARKS, '')
    .replace(APOSTROPHES, '')
    .replace(NOT_LETTER_OR_DIGIT, ' ')
    .trim();
}
