import { SignJWT } from 'jose';
import { readPrincipal } from './principal.js';
import {
  DEFAULT_TOKEN_LIFETIME,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type PrincipalClaims,
} from './token-claims.js';

export interface MintTokenOptions {
  /** A jose time span such as '8h', '30m' or '2d'; defaults to 8 hours. */
  readonly expiresIn?: string;
}

/**
 * Signs an HS256 token for development and tests. Refuses claims the verifier would refuse, so a
 * minted token is always one redtape accepts until it expires.
 */
export async function mintToken(
  claims: PrincipalClaims,
  secret: string,
  options: MintTokenOptions = {},
): Promise<string> {
  const reading = readPrincipal({ ...claims });
  if (!reading.ok) throw new TypeError(`cannot mint a token: ${reading.problem}`);
  if (secret === '') throw new TypeError('cannot mint a token: the signing secret is empty');

  const { sub, name, role, unit } = claims;
  return new SignJWT(unit === undefined ? { name, role } : { name, role, unit })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? DEFAULT_TOKEN_LIFETIME)
    .sign(new TextEncoder().encode(secret));
}
