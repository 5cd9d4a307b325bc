import type { GraphQLFormattedError } from 'graphql';
import { limitRefusalIn } from './query-limit-exceeded.js';
import { tokenLimitRefusal } from './token-limit.js';

/**
 * What a client sees of a refused request: our typed refusal, whichever wrapper the server put
 * around it (Apollo Server reports validation rules' errors as GRAPHQL_VALIDATION_FAILED and the
 * parser's token limit as GRAPHQL_PARSE_FAILED); undefined for any other error.
 */
export function formattedLimitRefusal(error: unknown): GraphQLFormattedError | undefined {
  const refusal = limitRefusalIn(error) ?? tokenLimitRefusal(error);
  if (!refusal) return undefined;
  const { code, limit, maximum, actual } = refusal.extensions;
  return {
    message: refusal.message,
    extensions: { code, limit, maximum, ...(actual === undefined ? {} : { actual }) },
  };
}
