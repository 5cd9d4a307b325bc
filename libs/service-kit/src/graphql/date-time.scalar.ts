import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { ScalarRefusal } from './scalar-refusal.js';

/** Years an instant in this registry can sensibly carry; anything outside is a typing mistake. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2999;

function refused(value: unknown): ScalarRefusal {
  return new ScalarRefusal(
    `DateTime must be an RFC 3339 instant such as 2026-01-16T09:30:00+06:00 (a real date and time, ` +
      `an offset within ±23:59, a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}), not ${JSON.stringify(value)}`,
  );
}

// RFC 3339 itself (real calendar dates, hours, minutes and offsets) is graphql-scalars' strict parser;
// only the year range is ours.
function parse(value: unknown): Date {
  if (typeof value !== 'string') throw refused(value);
  let instant: Date;
  try {
    instant = GraphQLDateTime.parseValue(value) as Date;
  } catch {
    throw refused(value);
  }
  const year = instant.getUTCFullYear();
  if (!(year >= EARLIEST_YEAR && year <= LATEST_YEAR)) throw refused(value);
  return instant;
}

function serialize(value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (typeof value === 'string') return parse(value).toISOString();
  throw new GraphQLError(`cannot answer ${String(value)} as a DateTime`);
}

/** An instant: RFC 3339 in, UTC with milliseconds out. Nothing else is read as a time. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant, written in RFC 3339 with an offset: 2026-01-16T09:30:00Z or 2026-01-16T15:30:00+06:00. Answered in UTC.',
  serialize,
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
