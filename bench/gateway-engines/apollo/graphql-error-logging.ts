import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { isClientError } from './client-errors.js';

/**
 * Logs every GraphQL error. Failures of the gateway or a subgraph go to error with their stack,
 * which clients never see; errors a client caused (bad token, invalid query, a domain refusal) go
 * to warn without one, since the stack would only show the gateway's own code.
 */
export function graphqlErrorLogging(logger: Logger): ApolloServerPlugin {
  const log = (error: Error, operationName?: string | null) => {
    const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
    const entry = {
      code,
      ...(operationName ? { operationName } : {}),
      ...(error instanceof GraphQLError && error.path ? { path: error.path } : {}),
    };
    if (isClientError(code)) logger.warn(entry, error.message);
    else
      logger.error(
        { ...entry, err: error instanceof GraphQLError ? (error.originalError ?? error) : error },
        error.message,
      );
  };

  return {
    async contextCreationDidFail({ error }) {
      log(error);
    },
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) log(error, operationName);
        },
      };
    },
  };
}
