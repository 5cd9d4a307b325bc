import {
  optionalText as kernelOptionalText,
  requiredText as kernelRequiredText,
} from '@redtape/event-sourcing';

/** Titles, names, categories, step descriptions and offices. */
export const MAX_TEXT_LENGTH = 300;
/** Free-text notes and legal bases, which quote acts and articles. */
export const MAX_NOTE_LENGTH = 2000;

/** The trimmed text, refusing a blank or overlong one. */
export function requiredText(field: string, value: string, maxLength = MAX_TEXT_LENGTH): string {
  return kernelRequiredText(field, value, maxLength);
}

/** The trimmed text, or null when there is none: a blank optional text means "not given". */
export function optionalText(
  field: string,
  value: string | null | undefined,
  maxLength = MAX_TEXT_LENGTH,
): string | null {
  return kernelOptionalText(field, value, maxLength);
}

/** Prose (notes, texts, legal bases): newlines and tabs allowed, longer. */
export function requiredProse(field: string, value: string, maxLength = MAX_NOTE_LENGTH): string {
  return kernelRequiredText(field, value, maxLength, 'prose');
}

/** Optional prose: null when blank. */
export function optionalProse(
  field: string,
  value: string | null | undefined,
  maxLength = MAX_NOTE_LENGTH,
): string | null {
  return kernelOptionalText(field, value, maxLength, 'prose');
}
