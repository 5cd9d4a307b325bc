import { MAX_NAME_LENGTH, optionalText, requiredText } from './text.js';

/** A name in English (always) and in Russian and Kyrgyz where it is known. */
export type LocalizedNames = { en: string; ru?: string; ky?: string };

/** Trimmed names with blank translations left out, so that equal names compare equal. */
export function normalizeNames(names: LocalizedNames, field = 'names'): LocalizedNames {
  const normalized: LocalizedNames = { en: requiredText(`${field}.en`, names.en, MAX_NAME_LENGTH) };
  const ru = optionalText(`${field}.ru`, names.ru, MAX_NAME_LENGTH);
  const ky = optionalText(`${field}.ky`, names.ky, MAX_NAME_LENGTH);
  if (ru !== null) normalized.ru = ru;
  if (ky !== null) normalized.ky = ky;
  return normalized;
}
