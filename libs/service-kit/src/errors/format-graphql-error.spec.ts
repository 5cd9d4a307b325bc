import { describe, expect, it } from '@jest/globals';
import { AuthenticationError } from '@redtape/auth';
import { AggregateRevisionConflict, InvalidCommand } from '@redtape/event-sourcing';
import { InvalidStreamName, StreamNotFound } from '@redtape/event-store';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { pino } from 'pino';
import { graphQLErrorFormatter } from './format-graphql-error.js';

function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { format: graphQLErrorFormatter(logger), lines };
}

/** What Apollo hands the formatter for an error a resolver threw. */
function fromResolver(error: Error): [GraphQLFormattedError, unknown] {
  const wrapped = new GraphQLError(error.message, { originalError: error, path: ['renameUnit'] });
  return [
    {
      message: error.message,
      path: ['renameUnit'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
    },
    wrapped,
  ];
}

describe('GraphQL errors leaving a subgraph', () => {
  it('carry the expected and actual revision of a conflict', () => {
    const { format } = captureLogs();
    expect(format(...fromResolver(new AggregateRevisionConflict('unit-city/tokmok', 2, 3)))).toEqual({
      message: 'unit city/tokmok is at revision 3, not 2: reload it and try again',
      path: ['renameUnit'],
      extensions: { code: 'CONFLICT', expectedRevision: 2, actualRevision: 3 },
    });
  });

  it.each([
    [new InvalidCommand('commandId is not valid'), 'BAD_USER_INPUT'],
    [new AuthenticationError('token expired'), 'UNAUTHENTICATED'],
    [new InvalidStreamName('', 'must not be empty'), 'BAD_USER_INPUT'],
    [new StreamNotFound('unit-x'), 'NOT_FOUND'],
    [new GraphQLError('not yours', { extensions: { code: 'FORBIDDEN' } }), 'FORBIDDEN'],
  ])('type %p as %s, with its message and no stack trace', (error, code) => {
    const { format } = captureLogs();
    const formatted = format(...fromResolver(error));
    expect(formatted.extensions).toEqual({ code });
    expect(formatted.message).toBe(error.message);
  });

  it('mask anything unexpected as an internal error and log it in full', () => {
    const { format, lines } = captureLogs();
    const formatted = format(
      ...fromResolver(new TypeError('cannot read properties of undefined (secret detail)')),
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['renameUnit'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(lines)).toContain('secret detail');
  });

  it('keep a query validation error as the client sent it wrong, without a stack trace', () => {
    const { format } = captureLogs();
    const validation = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = format(
      {
        message: validation.message,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at y'] },
      },
      validation,
    );
    expect(formatted).toEqual({
      message: validation.message,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });
});
