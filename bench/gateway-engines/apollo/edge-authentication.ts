import type { IncomingMessage } from 'node:http';
import { HeaderMap } from '@apollo/server';
import { AuthenticationError, bearerToken, type TokenVerifier } from '@redtape/auth';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './gateway-context.js';

/**
 * The GraphQL context function: a request without a token goes on anonymously; one with a token
 * that does not verify stops here with 401, before any subgraph is asked.
 */
export function edgeAuthentication(verify: TokenVerifier) {
  return async ({ req }: { req: IncomingMessage }): Promise<GatewayContext> => {
    const authorization = req.headers.authorization;
    try {
      const token = bearerToken(authorization);
      if (token === undefined) return {};
      return { authorization, principal: await verify(token) };
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticated(error.message);
      throw error;
    }
  };
}

function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError(reason, {
    extensions: {
      code: 'UNAUTHENTICATED',
      // Apollo Server reads a HeaderMap here (graphql-yoga's typing of the same field says a record).
      http: {
        status: 401,
        headers: new HeaderMap([['www-authenticate', 'Bearer error="invalid_token"']]) as never,
      },
    },
  });
}
