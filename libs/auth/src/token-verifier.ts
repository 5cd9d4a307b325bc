import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { AuthenticationError } from './authentication-error.js';
import { readPrincipal, type Principal } from './principal.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './token-claims.js';
import { describeVerificationFailure } from './verification-failure.js';

export type TokenVerification =
  { readonly kind: 'hs256'; readonly secret: string } | { readonly kind: 'rs256'; readonly jwksUrl: string };

export type TokenVerifier = (token: string) => Promise<Principal>;

/** How far the issuer's clock may run ahead of ours before `iat` or `nbf` refuse a token. */
export const CLOCK_SKEW_SECONDS = 60;

/**
 * Verifies a token and reads its principal. Each kind accepts exactly one algorithm, so a token can
 * never choose how it is checked (no "none", no RS256 public key used as an HMAC secret).
 */
export function createTokenVerifier(config: TokenVerification): TokenVerifier {
  const key = verificationKey(config);
  const options: JWTVerifyOptions = {
    algorithms: [config.kind === 'hs256' ? 'HS256' : 'RS256'],
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    requiredClaims: ['exp'],
    clockTolerance: CLOCK_SKEW_SECONDS,
  };

  return async (token) => {
    const payload = await verifySignatureAndRegisteredClaims(token, key, options);
    // jose checks `iat` only against a maximum age; a token from the future is as suspect as one from
    // the past (a forged or badly minted one), so it is refused here.
    const { iat } = payload;
    if (typeof iat === 'number' && iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS)
      throw new AuthenticationError('token is issued in the future');
    const reading = readPrincipal(payload);
    if (!reading.ok) throw new AuthenticationError(reading.problem);
    return reading.principal;
  };
}

function verificationKey(config: TokenVerification): JWTVerifyGetKey {
  if (config.kind === 'rs256') return createRemoteJWKSet(new URL(config.jwksUrl));
  const secret = new TextEncoder().encode(config.secret);
  return async () => secret;
}

async function verifySignatureAndRegisteredClaims(
  token: string,
  key: JWTVerifyGetKey,
  options: JWTVerifyOptions,
): Promise<Record<string, unknown>> {
  try {
    const { payload } = await jwtVerify(token, key, options);
    return payload;
  } catch (error) {
    const problem = describeVerificationFailure(error);
    if (problem === undefined) throw error;
    throw new AuthenticationError(problem);
  }
}
