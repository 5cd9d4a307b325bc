import { parseArgs } from 'node:util';
import { isUnitId } from '../principal.js';
import { ROLES, isRole } from '../roles.js';
import type { PrincipalClaims } from '../token-claims.js';

export const TOKEN_USAGE =
  'usage: npm run -s token -- --role <official|cabinet|auditor|admin> [--unit <unit id, required for official>] ' +
  '[--sub <subject>] [--name "<display name>"] [--expires-in <time span, default 8h>]';

/** The command line asks for something the command cannot do; the message says what to change. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export type TokenCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'mint'; readonly claims: PrincipalClaims; readonly expiresIn?: string };

// The positive spans jose understands; checked here so a typo gets a usage message, not a stack.
const TIME_SPAN = /^\d+ ?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|y|yrs?|years?)$/;

export function parseTokenArguments(args: readonly string[]): TokenCommand {
  const values = parseFlags(args);
  if (values.help) return { kind: 'help' };

  const { role, unit, sub, name } = values;
  const expiresIn = values['expires-in'];
  if (role === undefined) throw new UsageError('--role is required');
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}, got "${role}"`);
  if (role === 'official' && unit === undefined) {
    throw new UsageError('--unit is required for role official (a unit id such as district/nookat)');
  }
  if (unit !== undefined && !isUnitId(unit)) {
    throw new UsageError(`--unit must be a unit id such as district/nookat, got "${unit}"`);
  }
  if (sub !== undefined && sub.trim() === '') throw new UsageError('--sub must not be empty');
  if (expiresIn !== undefined && !TIME_SPAN.test(expiresIn)) {
    throw new UsageError(`--expires-in must be a time span such as 30m, 8h or 7d, got "${expiresIn}"`);
  }

  const claims: PrincipalClaims = {
    sub: sub ?? `dev-${role}`,
    name: name ?? `Development ${role}`,
    role,
    ...(unit === undefined ? {} : { unit }),
  };
  return expiresIn === undefined ? { kind: 'mint', claims } : { kind: 'mint', claims, expiresIn };
}

function parseFlags(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        role: { type: 'string' },
        unit: { type: 'string' },
        sub: { type: 'string' },
        name: { type: 'string' },
        'expires-in': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
