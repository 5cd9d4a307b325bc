import { graphqlHttpError } from '@redtape/graphql-guard';
import type { NextFunction, Request, Response } from 'express';

/** GraphQL over HTTP is GET and POST; anything else is 405 with the methods that are allowed. */
export function onlyMethods(allowed: readonly string[]) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (allowed.includes(request.method)) return next();
    const answer = graphqlHttpError(
      405,
      `${request.method} is not allowed here: use ${allowed.join(' or ')}`,
    );
    response.status(answer.status).set('allow', allowed.join(', ')).json(answer.body);
  };
}
