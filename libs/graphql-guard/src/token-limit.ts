import { GraphQLError } from 'graphql';
import { queryLimitExceeded } from './query-limit-exceeded.js';

// graphql-js' own words when the parser's maxTokens stops it (graphql 16; spelling theirs).
const TOKEN_LIMIT = /Document contains more tha[nt] (\d+) tokens/;

/**
 * The parser's refusal of a document over `maxTokens` (graphql-js' `parse` option: the document is
 * refused while it is read, before anything else), as our typed refusal; undefined for any other error.
 */
export function tokenLimitRefusal(error: unknown): GraphQLError | undefined {
  for (let cause = error; cause instanceof GraphQLError; cause = cause.originalError) {
    const match = TOKEN_LIMIT.exec(cause.message);
    if (match) {
      const maximum = Number(match[1]);
      return queryLimitExceeded({
        limit: 'tokens',
        maximum,
        message: `Token limit of ${maximum} exceeded: the document is too long.`,
      });
    }
  }
  return undefined;
}
