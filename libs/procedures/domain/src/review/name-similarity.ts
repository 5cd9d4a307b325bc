import { searchForm } from '@redtape/event-sourcing';

/** A name prepared for comparison: its normalized words and the trigrams of those words, counted. */
export type NameProfile = {
  readonly normalized: string;
  readonly words: ReadonlySet<string>;
  readonly trigrams: ReadonlyMap<string, number>;
  readonly trigramCount: number;
};

// Weights of the blend below; the trigram part carries most, the word part rewards whole words.
const TRIGRAM_WEIGHT = 0.75;
const WORD_WEIGHT = 1 - TRIGRAM_WEIGHT;

export function nameProfile(name: string): NameProfile {
  const normalized = searchForm(name);
  const wordList = normalized === '' ? [] : normalized.split(' ');
  const trigrams = new Map<string, number>();
  let trigramCount = 0;
  for (const word of wordList) {
    // Padded with a space on each side, so that a word's start and end count and a one-letter word has one.
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const trigram = padded.slice(i, i + 3);
      trigrams.set(trigram, (trigrams.get(trigram) ?? 0) + 1);
      trigramCount++;
    }
  }
  return { normalized, words: new Set(wordList), trigrams, trigramCount };
}

function dice(shared: number, left: number, right: number): number {
  return left + right === 0 ? 0 : (2 * shared) / (left + right);
}

export function profileSimilarity(a: NameProfile, b: NameProfile): number {
  if (a.normalized === b.normalized) return 1;
  if (a.normalized === '' || b.normalized === '') return 0;
  let sharedTrigrams = 0;
  for (const [trigram, count] of a.trigrams) sharedTrigrams += Math.min(count, b.trigrams.get(trigram) ?? 0);
  let sharedWords = 0;
  for (const word of a.words) if (b.words.has(word)) sharedWords++;
  return (
    TRIGRAM_WEIGHT * dice(sharedTrigrams, a.trigramCount, b.trigramCount) +
    WORD_WEIGHT * dice(sharedWords, a.words.size, b.words.size)
  );
}

/**
 * How alike two names are, from 0 (nothing in common) to 1 (the same after
 * `searchForm`). The score blends two Dice coefficients, both blind to word order so
 * that "Copy of passport" and "Passport copy" score high:
 * - 3/4: the multisets of character trigrams taken word by word (each word padded with a space),
 *   which tolerates inflection and small spelling differences (паспорт / паспорта, licence / license)
 *   without depending on where a word stands;
 * - 1/4: the sets of whole words, so that sharing exact words counts for more than sharing fragments.
 * No stop words are dropped: the measure stays language-neutral across Kyrgyz, Russian and English.
 */
export function nameSimilarity(a: string, b: string): number {
  return profileSimilarity(nameProfile(a), nameProfile(b));
}
