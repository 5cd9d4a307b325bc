import { describe, expect, it } from '@jest/globals';
import {
  RequiredTextMissing,
  TextNotAllowed,
  TextTooLong,
  optionalText,
  requiredText,
} from './text-rules.js';

describe('text rules', () => {
  it('keeps a name in any script, trimmed', () => {
    expect(requiredText('name', '  Токмок шаары  ', 50)).toBe('Токмок шаары');
    expect(requiredText('name', 'Nookat 😀 district', 50)).toBe('Nookat 😀 district');
  });

  it.each([
    ['a NUL byte', 'Tok\u0000mok', /U\+0000/],
    ['an escape', 'Tok\u001bmok', /U\+001B/],
    ['a newline in a single line', 'Tok\nmok', /U\+000A/],
    ['a tab in a single line', 'Tok\tmok', /U\+0009/],
    ['half a surrogate pair', 'Tok\uD800mok', /surrogate/],
    ['a right-to-left override', 'Tok\u202Emok', /U\+202E/],
    ['only zero-width characters', '\u200B\u200C\u200D', /no visible character/],
    ['only Hangul fillers', '\u3164\u3164', /no visible character/],
    ['only a byte order mark and a combining accent', '\uFEFF\u0301', /no visible character/],
  ])('refuses a name with %s', (_case, value, message) => {
    const refusal = () => requiredText('name', value, 50);
    expect(refusal).toThrow(TextNotAllowed);
    expect(refusal).toThrow(message);
  });

  it('lets prose keep its newlines and tabs, but no other control character', () => {
    expect(requiredText('text', 'First.\n\tSecond.', 50, 'prose')).toBe('First.\n\tSecond.');
    expect(() => requiredText('text', 'First.\r\nSecond.', 50, 'prose')).toThrow(/U\+000D/);
  });

  it('refuses a blank required text and counts an overlong one', () => {
    expect(() => requiredText('name', '   ', 50)).toThrow(RequiredTextMissing);
    expect(() => requiredText('name', 'x'.repeat(51), 50)).toThrow(new TextTooLong('name', 51, 50));
  });

  it('reads a blank optional text as not given, and checks a given one by the same rules', () => {
    expect(optionalText('note', '  ', 50)).toBeNull();
    expect(optionalText('note', null, 50)).toBeNull();
    expect(() => optionalText('note', '\u200B', 50)).toThrow(TextNotAllowed);
  });
});
