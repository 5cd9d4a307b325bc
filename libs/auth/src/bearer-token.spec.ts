import { describe, expect, it } from '@jest/globals';
import { AuthenticationError } from './authentication-error.js';
import { bearerToken } from './bearer-token.js';

const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

describe('reading the bearer token of an Authorization header', () => {
  it('finds no token when there is no header', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('')).toBeUndefined();
  });

  it('takes the token after "Bearer", whatever the case of the scheme', () => {
    expect(bearerToken(`Bearer ${jwt}`)).toBe(jwt);
    expect(bearerToken(`bearer ${jwt}`)).toBe(jwt);
  });

  it.each([['Basic dXNlcjpwYXNz'], ['Bearer'], ['Bearer not-a-jwt'], [jwt], [`Bearer ${jwt} extra`]])(
    'refuses %p',
    (header) => {
      expect(() => bearerToken(header)).toThrow(AuthenticationError);
      expect(() => bearerToken(header)).toThrow('Authorization header must be "Bearer <token>" with a JWT');
    },
  );
});
