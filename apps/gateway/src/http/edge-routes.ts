import type { IncomingMessage, ServerResponse } from 'node:http';
import { METHOD_NOT_ALLOWED, NOT_FOUND, refuse } from './http-answers.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * What the gateway serves, decided before Nest's router: GraphQL at /graphql, /health (Nest's
 * controller) for GET and HEAD; anything else is answered 404 or 405 in GraphQL's shape.
 */
export function edgeRoutes(graphql: Handler) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    if (path === '/graphql') {
      void graphql(request, response);
    } else if (path === '/health') {
      if (request.method === 'GET' || request.method === 'HEAD') next();
      else refuse(response, METHOD_NOT_ALLOWED(request.method ?? '', ['GET', 'HEAD']));
    } else {
      refuse(response, NOT_FOUND);
    }
  };
}
