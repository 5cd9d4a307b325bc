import { describe, expect, it } from '@jest/globals';
import { SignJWT, generateKeyPair, type JWTPayload } from 'jose';
import { AuthenticationError } from './authentication-error.js';
import { developmentTokens } from './development-tokens.js';
import { mintToken } from './mint-token.js';
import { createTokenVerifier } from './token-verifier.js';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const verify = createTokenVerifier({ kind: 'hs256', secret });
const official = { sub: 'u-1', name: 'Aibek Osmonov', role: 'official', unit: 'district/nookat' } as const;

function hs256(
  payload: JWTPayload,
  build: (jwt: SignJWT) => SignJWT = (jwt) => jwt,
  key = secret,
): Promise<string> {
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('redtape')
    .setAudience('redtape')
    .setExpirationTime('1h');
  return build(jwt).sign(new TextEncoder().encode(key));
}

async function refusal(token: string): Promise<AuthenticationError> {
  const error = await verify(token).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return error as AuthenticationError;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('an HS256 token verifier', () => {
  it('reads the principal of a token minted with the same secret', async () => {
    const token = await mintToken(official, secret);

    await expect(verify(token)).resolves.toEqual({
      subject: 'u-1',
      name: 'Aibek Osmonov',
      role: 'official',
      unitId: 'district/nookat',
    });
  });

  it('reads a principal without a unit for a role that needs none', async () => {
    const token = await mintToken({ sub: 'c-1', name: 'Cabinet', role: 'cabinet' }, secret);

    await expect(verify(token)).resolves.toEqual({ subject: 'c-1', name: 'Cabinet', role: 'cabinet' });
  });

  it('accepts every development token', async () => {
    const tokens = await developmentTokens(secret);

    const principals = await Promise.all(Object.values(tokens).map(verify));

    expect(principals.map((principal) => principal.role)).toEqual([
      'official',
      'cabinet',
      'auditor',
      'admin',
    ]);
    expect(principals[0]?.unitId).toBe('district/nookat');
  });

  it('refuses an expired token', async () => {
    const token = await mintToken(official, secret, { expiresIn: '-1m' });

    expect((await refusal(token)).message).toBe('token has expired');
  });

  it.each([
    [
      'issued',
      (jwt: SignJWT) => jwt.setIssuedAt(Math.floor(Date.now() / 1000) + 120),
      'token is issued in the future',
    ],
    [
      'valid from',
      (jwt: SignJWT) => jwt.setNotBefore(Math.floor(Date.now() / 1000) + 120),
      'token is not valid yet',
    ],
  ])('refuses a token %s two minutes from now, beyond the clock skew', async (_claim, build, message) => {
    expect((await refusal(await hs256(official, build))).message).toBe(message);
  });

  it('accepts a token issued half a minute ahead, within the clock skew', async () => {
    const ahead = Math.floor(Date.now() / 1000) + 30;
    const token = await hs256(official, (jwt) => jwt.setIssuedAt(ahead).setNotBefore(ahead));
    await expect(verify(token)).resolves.toMatchObject({ subject: 'u-1' });
  });

  it('refuses a token without an expiry', async () => {
    const token = await new SignJWT({ ...official })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('redtape')
      .setAudience('redtape')
      .sign(new TextEncoder().encode(secret));

    expect((await refusal(token)).message).toBe('token is missing the "exp" claim');
  });

  it('refuses a token from another issuer', async () => {
    const token = await hs256(official, (jwt) => jwt.setIssuer('elsewhere'));

    expect((await refusal(token)).message).toBe('token issuer is not redtape');
  });

  it('refuses a token meant for another audience', async () => {
    const token = await hs256(official, (jwt) => jwt.setAudience('elsewhere'));

    expect((await refusal(token)).message).toBe('token audience is not redtape');
  });

  it('refuses a token signed with another secret', async () => {
    const token = await mintToken(official, 'another-secret-that-is-long-enough-0123456789');

    expect((await refusal(token)).message).toBe('token signature is invalid');
  });

  it('refuses an unsigned token (alg none)', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...official, iss: 'redtape', aud: 'redtape', exp })}.`;

    expect((await refusal(token)).message).toBe('token is signed with an algorithm that is not accepted');
  });

  it('refuses an RS256 token', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ ...official })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer('redtape')
      .setAudience('redtape')
      .setExpirationTime('1h')
      .sign(privateKey);

    expect((await refusal(token)).message).toBe('token is signed with an algorithm that is not accepted');
  });

  it('refuses a token without a role', async () => {
    const token = await hs256({ sub: 'u-1', name: 'Nobody' });

    expect((await refusal(token)).message).toBe('token is missing the "role" claim');
  });

  it('refuses a token with a role redtape does not know', async () => {
    const token = await hs256({ sub: 'u-1', name: 'Root', role: 'superuser' });

    expect((await refusal(token)).message).toBe(
      'token claim "role" must be one of official, cabinet, auditor, admin',
    );
  });

  it('refuses an official without a unit', async () => {
    const token = await hs256({ sub: 'u-1', name: 'Aibek Osmonov', role: 'official' });

    expect((await refusal(token)).message).toBe(
      'token is missing the "unit" claim, required for role official',
    );
  });

  it('refuses a unit that is not a unit id', async () => {
    const token = await hs256({ ...official, unit: 'Nookat district' });

    expect((await refusal(token)).message).toBe(
      'token claim "unit" must be a unit id such as district/nookat',
    );
  });

  it('refuses a token without a subject', async () => {
    const token = await hs256({ name: 'Nobody', role: 'auditor' });

    expect((await refusal(token)).message).toBe('token is missing the "sub" claim');
  });

  it('refuses something that is not a JWT', async () => {
    expect((await refusal('not.a.jwt')).message).toBe('token is malformed');
  });
});

describe('minting a token', () => {
  it('refuses claims the verifier would refuse', async () => {
    await expect(mintToken({ sub: 'u-1', name: 'Aibek', role: 'official' }, secret)).rejects.toThrow(
      'cannot mint a token: token is missing the "unit" claim, required for role official',
    );
  });
});
