import { DomainError } from './errors.js';

/** A single line (names, titles, ids) or prose (notes, reports, reasons), which may hold newlines and tabs. */
export type TextForm = 'line' | 'prose';

export class RequiredTextMissing extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly field: string) {
    super(`${field} is required and must not be blank`);
  }
}

export class TextTooLong extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    readonly length: number,
    readonly maxLength: number,
  ) {
    super(`${field} may be at most ${maxLength} characters long, not ${length}`);
  }
}

export class TextNotAllowed extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field} ${problem}`);
  }
}

// Control characters; prose keeps newline and tab.
const LINE_CONTROL = /\p{Cc}/u;
const PROSE_CONTROL = /[^\P{Cc}\n\t]/u;
// A code unit of half a surrogate pair: text that no encoder can write as UTF-8.
const LONE_SURROGATE = /\p{Cs}/u;
// Embeddings, overrides and isolates reorder what a reader sees (spoofed names in an audit trail).
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
// Spaces, format characters (zero-width and the like), fillers and lone combining marks.
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}\u2800]*$/u;

function problemWith(text: string, form: TextForm): string | undefined {
  const control = (form === 'line' ? LINE_CONTROL : PROSE_CONTROL).exec(text);
  if (control) return `must not contain the control character U+${codePoint(control[0])}`;
  if (LONE_SURROGATE.test(text)) return 'is not well-formed Unicode (it holds half a surrogate pair)';
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) return `must not contain the bidirectional control U+${codePoint(bidi[0])}`;
  if (INVISIBLE_ONLY.test(text)) return 'has no visible character';
  return undefined;
}

function codePoint(character: string): string {
  return character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}

function checked(field: string, trimmed: string, maxLength: number, form: TextForm): string {
  if (trimmed.length > maxLength) throw new TextTooLong(field, trimmed.length, maxLength);
  const problem = problemWith(trimmed, form);
  if (problem !== undefined) throw new TextNotAllowed(field, problem);
  return trimmed;
}

/**
 * The trimmed text, refusing a blank, overlong or unreadable one (control characters, broken
 * Unicode, bidirectional overrides, nothing visible): the rule every context applies to its texts.
 */
export function requiredText(
  field: string,
  value: string,
  maxLength: number,
  form: TextForm = 'line',
): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') throw new RequiredTextMissing(field);
  return checked(field, trimmed, maxLength, form);
}

/** The trimmed text, or null when there is none: a blank optional text means "not given". */
export function optionalText(
  field: string,
  value: string | null | undefined,
  maxLength: number,
  form: TextForm = 'line',
): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') return null;
  return checked(field, trimmed, maxLength, form);
}
