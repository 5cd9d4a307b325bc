import {
  optionalText as kernelOptionalText,
  requiredText as kernelRequiredText,
} from '@redtape/event-sourcing';

/** Names, titles, chairs, agenda items and the ids of other contexts' units and authorities. */
export const MAX_TEXT_LENGTH = 300;
/** The wording of instructions and reports, which quote decisions and figures at length. */
export const MAX_NOTE_LENGTH = 4000;

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
