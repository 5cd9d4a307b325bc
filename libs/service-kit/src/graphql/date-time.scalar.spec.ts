import { describe, expect, it } from '@jest/globals';
import {
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  execute,
  parse,
  validate,
  type GraphQLError,
  type GraphQLFormattedError,
} from 'graphql';
import { pino } from 'pino';
import { graphQLErrorFormatter } from '../errors/format-graphql-error.js';
import { DateTimeScalar } from './date-time.scalar.js';
import { LocalDateScalar } from './local-date.scalar.js';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      since: {
        type: GraphQLString,
        args: { from: { type: DateTimeScalar }, on: { type: LocalDateScalar } },
        resolve: (_root, args: { from?: Date; on?: string }) => args.from?.toISOString() ?? args.on ?? null,
      },
    },
  }),
});

const format = graphQLErrorFormatter(pino({ level: 'silent' }));
const formatted = (error: GraphQLError): GraphQLFormattedError => format(error.toJSON(), error);

function literal(query: string): GraphQLFormattedError[] {
  return validate(schema, parse(query)).map(formatted);
}

async function variable(value: unknown): Promise<GraphQLFormattedError[]> {
  const result = await execute({
    schema,
    document: parse('query ($from: DateTime) { since(from: $from) }'),
    variableValues: { from: value },
  });
  return (result.errors ?? []).map(formatted);
}

describe('DateTime', () => {
  it.each([
    ['2026-01-16T09:30:00Z', '2026-01-16T09:30:00.000Z'],
    ['2026-01-16T15:30:00+06:00', '2026-01-16T09:30:00.000Z'],
    ['2024-02-29T23:59:59.5-23:59', '2024-03-01T23:58:59.500Z'],
  ])('reads the RFC 3339 instant %s', (value, utc) => {
    expect(DateTimeScalar.parseValue(value)).toEqual(new Date(utc));
  });

  it.each([
    'yesterday',
    '2026-01-01T00:00:00+25:00',
    '+275760-09-13T00:00:01Z',
    '2026-02-30T00:00:00Z',
    '2026-01-01T00:00:00',
    '2026-01-01 00:00:00Z',
    '2026-01-01T24:00:00Z',
    '1899-12-31T23:59:59Z',
    '3000-01-01T00:00:00Z',
    1767225600000,
  ])('refuses %p as BAD_USER_INPUT naming the argument', (value) => {
    const [error] = literal(`{ since(from: ${JSON.stringify(value)}) }`);
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(error?.message).toMatch(/^from: DateTime must be an RFC 3339 instant/);
  });

  it('names the variable that carried a refused instant', async () => {
    const [error] = await variable('yesterday');
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(error?.message).toMatch(/^variable \$from: DateTime must be an RFC 3339 instant/);
  });

  it('answers in UTC', async () => {
    const result = await execute({ schema, document: parse('{ since(from: "2026-01-16T15:30:00+06:00") }') });
    expect(result.data).toEqual({ since: '2026-01-16T09:30:00.000Z' });
  });
});

describe('Date', () => {
  it('refuses a day that does not exist, naming the argument', () => {
    const [error] = literal('{ since(on: "2026-02-30") }');
    expect(error).toMatchObject({
      message: 'on: Date must be a calendar date written YYYY-MM-DD, not "2026-02-30"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
