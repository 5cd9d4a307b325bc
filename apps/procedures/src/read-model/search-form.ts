import { normalizeRequirementName } from '@redtape/procedures-domain';

/**
 * The form titles and requirement names are searched in, and what a search term is folded to: the
 * domain's own normalization of requirement names (case, diacritics, ё and the Kyrgyz letters,
 * punctuation and runs of spaces), so "КОПИЯ  паспорта." finds "Копия паспорта".
 */
export function searchForm(text: string): string {
  return normalizeRequirementName(text);
}

/** A LIKE pattern that matches `term` anywhere, with LIKE's own wildcards taken literally (ESCAPE '\'). */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
