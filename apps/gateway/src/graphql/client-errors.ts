import { formattedLimitRefusal } from '@redtape/graphql-guard';
import type { GraphQLFormattedError } from 'graphql';

// Codes that mean "our fault": no detail of them is the client's business in production.
const SERVER_FAULT_CODES = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);

/** An error the client caused and can act on: a bad token, an invalid query, a domain refusal. */
export function isClientError(code: unknown): boolean {
  return typeof code === 'string' && !SERVER_FAULT_CODES.has(code);
}

/**
 * What a client sees of an error: a refused request as the typed refusal of its limit, never a stack
 * trace (a subgraph may still send one); in production, a server fault is reduced to a fixed message
 * so no internals leak.
 */
export function clientErrorFormatter(production: boolean) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    const refusal = formattedLimitRefusal(error);
    if (refusal) return refusal;
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    if (production && !isClientError(extensions['code'])) {
      return {
        message: 'Internal server error',
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    return { ...formatted, extensions };
  };
}
