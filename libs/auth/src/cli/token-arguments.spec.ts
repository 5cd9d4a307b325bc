import { describe, expect, it } from '@jest/globals';
import { UsageError, parseTokenArguments } from './token-arguments.js';

describe('the token command line', () => {
  it('asks for an official of a unit', () => {
    expect(
      parseTokenArguments(['--role', 'official', '--unit', 'district/nookat', '--name', 'Aibek']),
    ).toEqual({
      kind: 'mint',
      claims: { sub: 'dev-official', name: 'Aibek', role: 'official', unit: 'district/nookat' },
    });
  });

  it('takes a subject and a lifetime', () => {
    expect(parseTokenArguments(['--role', 'auditor', '--sub', 'a-1', '--expires-in', '30m'])).toEqual({
      kind: 'mint',
      claims: { sub: 'a-1', name: 'Development auditor', role: 'auditor' },
      expiresIn: '30m',
    });
  });

  it.each([
    [[], '--role is required'],
    [['--role', 'mayor'], '--role must be one of official, cabinet, auditor, admin, got "mayor"'],
    [['--role', 'official'], '--unit is required for role official (a unit id such as district/nookat)'],
    [
      ['--role', 'official', '--unit', 'Nookat'],
      '--unit must be a unit id such as district/nookat, got "Nookat"',
    ],
    [
      ['--role', 'admin', '--expires-in', 'forever'],
      '--expires-in must be a time span such as 30m, 8h or 7d, got "forever"',
    ],
    [['--role', 'admin', 'extra'], "Unexpected argument 'extra'"],
  ])('refuses %p', (args, message) => {
    expect(() => parseTokenArguments(args)).toThrow(UsageError);
    expect(() => parseTokenArguments(args)).toThrow(message);
  });
});
