import { bearerToken, AuthenticationError, type Principal } from '@redtape/auth';
import type { Request } from 'express';
import { GraphQLError } from 'graphql';
import { RequestLoads } from '../graphql/request-loads.js';

export interface RequestContext {
  /** The verified caller; undefined for anonymous (public) requests. */
  readonly principal: Principal | undefined;
  /** What the request's resolvers have loaded, batched and cached for this request alone. */
  readonly loads: RequestLoads;
}

/** Verifies the bearer token again in the subgraph: the gateway's word alone is not trusted. */
export function requestContextFactory(verify: (token: string) => Promise<Principal>) {
  return async ({ req }: { req: Request }): Promise<RequestContext> => {
    try {
      const token = bearerToken(req.header('authorization'));
      return {
        principal: token === undefined ? undefined : await verify(token),
        loads: new RequestLoads(),
      };
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      throw new GraphQLError(error.message, {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
  };
}

export { actorOf } from '../commands/actor-of.js';
