import { createHash, timingSafeEqual } from 'node:crypto';

/** Proves to a subgraph that a request came through the gateway, which has already checked the token. */
export const GATEWAY_SECRET_HEADER = 'x-redtape-gateway-secret';

/** Compares in constant time; hashing first keeps the comparison independent of the lengths too. */
export function gatewaySecretMatches(expected: string, given: string | undefined): boolean {
  if (expected === '' || given === undefined) return false;
  return timingSafeEqual(sha256(expected), sha256(given));
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
