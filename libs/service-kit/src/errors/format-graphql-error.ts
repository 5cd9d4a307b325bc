import { unwrapResolverError } from '@apollo/server/errors';
import { AuthenticationError } from '@redtape/auth';
import { AggregateRevisionConflict, DomainError } from '@redtape/event-sourcing';
import { EventStoreError, InvalidEvent, InvalidStreamName, StreamNotFound } from '@redtape/event-store';
import { formattedLimitRefusal } from '@redtape/graphql-guard';
import { GraphQLError, Kind, TokenKind, type ASTNode, type GraphQLFormattedError } from 'graphql';
import { ScalarRefusal } from '../graphql/scalar-refusal.js';
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
  'COMMAND_ID_REUSED',
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

/** The argument or input field a literal was written for: the name just before its colon. */
function nameOfLiteral(node: ASTNode | undefined): string | undefined {
  const colon = node?.loc?.startToken.prev;
  const name = colon?.kind === TokenKind.COLON ? colon.prev : undefined;
  return name?.kind === TokenKind.NAME ? name.value : undefined;
}

/**
 * A value one of our scalars refused (a DateTime, a Date), which graphql-js reports as a failed
 * validation of the document: it is the client's bad input, and the message says which argument.
 */
function scalarRefusal(error: unknown): string | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  // graphql-js wraps a refused variable once more than a refused literal.
  let cause: unknown = error.originalError;
  while (cause instanceof GraphQLError) cause = cause.originalError;
  if (!(cause instanceof ScalarRefusal)) return undefined;
  const node = error.nodes?.[0];
  const named =
    node?.kind === Kind.VARIABLE_DEFINITION ? `variable $${node.variable.name.value}` : nameOfLiteral(node);
  return named ? `${named}: ${cause.message}` : cause.message;
}

/**
 * Every error leaves a service typed (`extensions.code`), with a message meant for the client and
 * never a stack trace; what the client cannot act on is logged in full and answered as an internal error.
 */
export function graphQLErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const limitRefusal = formattedLimitRefusal(error);
    if (limitRefusal) return limitRefusal;
    const refusal = scalarRefusal(error);
    if (refusal !== undefined) return typed(formatted, refusal, { code: 'BAD_USER_INPUT' });
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

export { apiError } from './api-error.js';
