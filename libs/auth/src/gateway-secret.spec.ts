import { describe, expect, it } from '@jest/globals';
import { gatewaySecretMatches } from './gateway-secret.js';

const secret = 'the-shared-gateway-secret-0123456789abcdef';

describe('checking the gateway secret', () => {
  it('matches the same secret', () => {
    expect(gatewaySecretMatches(secret, secret)).toBe(true);
  });

  it('does not match another secret, a prefix of it, or none at all', () => {
    expect(gatewaySecretMatches(secret, `${secret}x`)).toBe(false);
    expect(gatewaySecretMatches(secret, secret.slice(0, -1))).toBe(false);
    expect(gatewaySecretMatches(secret, '')).toBe(false);
    expect(gatewaySecretMatches(secret, undefined)).toBe(false);
  });

  it('never matches when no secret is expected', () => {
    expect(gatewaySecretMatches('', '')).toBe(false);
  });
});
