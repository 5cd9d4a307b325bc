import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { GraphQLLimits } from './limits.js';
import { QUERY_LIMIT_EXCEEDED, queryLimitExceeded } from './query-limit-exceeded.js';

/**
 * What whatever slips past the static limits may still spend: wall-clock time and resolved fields
 * (list items one by one, a bound on the response's memory). Once either is spent, every field not
 * yet resolved fails at once, so the request ends quickly and the service goes on answering others.
 */
export function requestBudgetPlugin(
  limits: Pick<GraphQLLimits, 'requestTimeoutMs' | 'maxResolvedFields'>,
  now: () => number = performance.now.bind(performance),
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = now();
      let resolved = 0;
      let spent: GraphQLError | undefined;
      return {
        async executionDidStart() {
          return {
            willResolveField() {
              if (spent) throw spent;
              resolved++;
              if (resolved > limits.maxResolvedFields)
                spent = queryLimitExceeded({
                  limit: 'resolvedFields',
                  maximum: limits.maxResolvedFields,
                  message: `Resolved field limit of ${limits.maxResolvedFields} reached: ask for less.`,
                });
              else if (now() - started > limits.requestTimeoutMs)
                spent = queryLimitExceeded({
                  limit: 'time',
                  maximum: limits.requestTimeoutMs,
                  message: `Time limit of ${limits.requestTimeoutMs} ms reached: ask for less.`,
                });
              if (spent) throw spent;
            },
          };
        },
        async willSendResponse({ response }) {
          // One refusal is enough: every field after the budget ran out carries the same one.
          if (!spent || response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          let kept = false;
          const errors = singleResult.errors?.filter((error) => {
            if (error.extensions?.['code'] !== QUERY_LIMIT_EXCEEDED) return true;
            if (kept) return false;
            kept = true;
            return true;
          });
          if (errors) singleResult.errors = errors;
        },
      };
    },
  };
}
