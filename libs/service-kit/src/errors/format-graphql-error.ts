import { unwrapResolverError } from '@apollo/server/errors';
import { AuthenticationError } from '@redtape/auth';
import { AggregateRevisionConflict, DomainError } from '@redtape/event-sourcing';
import { EventStoreError, InvalidEvent, InvalidStreamName, StreamNotFound } from '@redtape/event-store';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/** Codes a client can act on; anything else is an internal error and is masked. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
]);

function typed(
  formatted: GraphQLFormattedError,
  message: string,
  extensions: Record<string, unknown>,
): GraphQLFormattedError {
  return {
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}

/**
 * Every error leaves a service typed (`extensions.code`), with a message meant for the client and
 * never a stack trace; what the client cannot act on is logged in full and answered as an internal error.
 */
export function graphQLErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AggregateRevisionConflict)
      return typed(formatted, original.message, {
        code: 'CONFLICT',
        expectedRevision: original.expectedRevision,
        actualRevision: original.actualRevision,
      });
    if (original instanceof DomainError) return typed(formatted, original.message, { code: original.code });
    if (original instanceof AuthenticationError)
      return typed(formatted, original.message, { code: 'UNAUTHENTICATED' });
    if (original instanceof InvalidStreamName || original instanceof InvalidEvent)
      return typed(formatted, original.message, { code: 'BAD_USER_INPUT' });
    if (original instanceof StreamNotFound) return typed(formatted, original.message, { code: 'NOT_FOUND' });

    if (original instanceof GraphQLError && original !== error) {
      const { code: ownCode } = original.extensions;
      if (typeof ownCode === 'string' && CLIENT_CODES.has(ownCode))
        return typed(formatted, original.message, { code: ownCode });
    }
    const code = formatted.extensions?.['code'];
    const isClientError =
      typeof code === 'string' && CLIENT_CODES.has(code) && !(original instanceof EventStoreError);
    if ((original instanceof GraphQLError || original === error) && isClientError)
      return withoutStacktrace(formatted);

    logger.error({ err: original, path: formatted.path }, 'internal error while answering a GraphQL request');
    return typed(formatted, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
  };
}

/** Errors resolvers throw for the edge's own rules. */
export const apiError = {
  forbidden: (message: string) => new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } }),
  unauthenticated: (message: string) =>
    new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } }),
  notFound: (message: string) => new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } }),
  badInput: (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } }),
};
