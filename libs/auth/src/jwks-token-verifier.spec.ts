import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { AuthenticationError } from './authentication-error.js';
import { mintToken } from './mint-token.js';
import { createTokenVerifier } from './token-verifier.js';

const claims = { name: 'Audit Office', role: 'auditor' } as const;

function rs256(key: CryptoKey, kid: string): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setSubject('auditor-7')
    .setIssuer('redtape')
    .setAudience('redtape')
    .setExpirationTime('1h')
    .sign(key);
}

describe('an RS256 token verifier reading a JWKS over HTTP', () => {
  let server: Server;
  let jwksUrl: string;
  let signingKey: CryptoKey;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    signingKey = privateKey;
    const jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' }],
    });
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(async () => {
    await new Promise((closed) => server.close(closed));
  });

  it('reads the principal of a token signed with a published key', async () => {
    const verify = createTokenVerifier({ kind: 'rs256', jwksUrl });

    await expect(verify(await rs256(signingKey, 'key-1'))).resolves.toEqual({
      subject: 'auditor-7',
      name: 'Audit Office',
      role: 'auditor',
    });
  });

  it('refuses a token signed with a key that is not published', async () => {
    const verify = createTokenVerifier({ kind: 'rs256', jwksUrl });
    const { privateKey: stranger } = await generateKeyPair('RS256');

    const refusal = verify(await rs256(stranger, 'key-2'));

    await expect(refusal).rejects.toThrow(AuthenticationError);
    await expect(refusal).rejects.toThrow(
      'token is signed with a key the identity provider does not publish',
    );
  });

  it('refuses an HS256 token, whatever secret signed it', async () => {
    const verify = createTokenVerifier({ kind: 'rs256', jwksUrl });
    const token = await mintToken({ sub: 'x', ...claims }, 'a-test-secret-that-is-long-enough-0123456789');

    await expect(verify(token)).rejects.toThrow('token is signed with an algorithm that is not accepted');
  });

  it('reports an unreachable key set as a failure of its own, not as a bad token', async () => {
    const closed = createServer();
    await new Promise<void>((listening) => closed.listen(0, '127.0.0.1', listening));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    const verify = createTokenVerifier({ kind: 'rs256', jwksUrl: `http://127.0.0.1:${port}/jwks.json` });

    const failure = await verify(await rs256(signingKey, 'key-1')).catch((error: unknown) => error);

    expect(failure).not.toBeInstanceOf(AuthenticationError);
    expect(failure).toMatchObject({ message: 'fetch failed' }); // fetch's own error, from another realm under jest
  });
});
