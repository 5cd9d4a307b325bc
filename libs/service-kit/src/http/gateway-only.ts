import { GATEWAY_SECRET_HEADER, gatewaySecretMatches } from '@redtape/auth';
import type { NextFunction, Request, Response } from 'express';

/**
 * Subgraphs answer only the gateway: a request without the shared secret is refused before GraphQL
 * sees it, `_service` and `_entities` included, so nobody can bypass the gateway's authentication.
 */
export function gatewayOnly(secret: string) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (gatewaySecretMatches(secret, request.header(GATEWAY_SECRET_HEADER))) return next();
    response.status(403).json({
      errors: [
        {
          message: 'this service answers only through the redtape gateway',
          extensions: { code: 'FORBIDDEN' },
        },
      ],
    });
  };
}
