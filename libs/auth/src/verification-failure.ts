import { errors } from 'jose';

/**
 * What was wrong with a token, in words a client can act on; undefined when the failure is ours
 * (the key set could not be fetched, say), which must surface as a server error, not a 401.
 */
export function describeVerificationFailure(error: unknown): string | undefined {
  if (error instanceof errors.JWTExpired) return 'token has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return describeClaimFailure(error.claim, error.reason);
  if (error instanceof errors.JOSEAlgNotAllowed)
    return 'token is signed with an algorithm that is not accepted';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'token is signed with a key the identity provider does not publish';
  if (error instanceof errors.JWKSMultipleMatchingKeys)
    return 'token does not say which published key signed it';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'token is malformed';
  if (error instanceof errors.JOSENotSupported) return 'token uses an unsupported algorithm or key';
  return undefined;
}

function describeClaimFailure(claim: string, reason: string): string {
  if (reason === 'missing') return `token is missing the "${claim}" claim`;
  switch (claim) {
    case 'iss':
      return 'token issuer is not redtape';
    case 'aud':
      return 'token audience is not redtape';
    case 'nbf':
      return 'token is not valid yet';
    case 'iat':
      return 'token is issued in the future';
    default:
      return `token claim "${claim}" is invalid`;
  }
}
