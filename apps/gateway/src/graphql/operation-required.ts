import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * A document with several operations and no operationName (or two anonymous ones) names nothing to
 * run. Apollo Server leaves that to the gateway, which failed it as a server fault (HTTP 500): it is
 * the client's mistake, answered 400 before any plan is made.
 */
export function operationRequired(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation !== undefined && operation !== null) return;
          const message = request.operationName
            ? `the document has no operation named "${request.operationName}"`
            : 'the document holds several operations: say which one to run with operationName';
          throw new GraphQLError(message, {
            extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
          });
        },
      };
    },
  };
}
