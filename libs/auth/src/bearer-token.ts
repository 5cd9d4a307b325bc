import { AuthenticationError } from './authentication-error.js';

// Three base64url segments; the signature may be empty only for alg "none", which the verifier refuses.
const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)\s*$/i;

/**
 * The token in an Authorization header: undefined when there is no header (an anonymous request),
 * an AuthenticationError when there is one that is not "Bearer <jwt>".
 */
export function bearerToken(authorizationHeader: string | undefined): string | undefined {
  if (authorizationHeader === undefined || authorizationHeader.trim() === '') return undefined;
  const match = BEARER.exec(authorizationHeader.trim());
  if (!match?.[1]) throw new AuthenticationError('Authorization header must be "Bearer <token>" with a JWT');
  return match[1];
}
