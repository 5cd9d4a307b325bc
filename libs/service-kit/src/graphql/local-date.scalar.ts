import { isCalendarDate } from '@redtape/event-sourcing';
import { GraphQLScalarType, Kind } from 'graphql';
import { ScalarRefusal } from './scalar-refusal.js';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value))
    throw new ScalarRefusal(`Date must be a calendar date written YYYY-MM-DD, not ${JSON.stringify(value)}`);
  return value;
}

/** A calendar date with no time or zone (YYYY-MM-DD): enrollment days, deadlines, decisions. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD, with no time of day or time zone.',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
