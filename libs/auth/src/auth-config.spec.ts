import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authConfigFromEnv } from './auth-config.js';
import { ConfigurationError } from './configuration-error.js';

const longSecret = 'x'.repeat(32);
const folders: string[] = [];

function dataDir(): string {
  const folder = mkdtempSync(join(tmpdir(), 'redtape-auth-'));
  folders.push(folder);
  return folder;
}

function refusal(env: NodeJS.ProcessEnv, folder = dataDir()): ConfigurationError {
  try {
    authConfigFromEnv(env, { dataDir: folder });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return error as ConfigurationError;
  }
  throw new Error('expected a ConfigurationError');
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('auth configuration outside production', () => {
  it('generates missing secrets once and keeps them in the data dir, readable by the owner only', () => {
    const folder = join(dataDir(), 'not-yet-created');

    const first = authConfigFromEnv({}, { dataDir: folder });
    const second = authConfigFromEnv({ NODE_ENV: 'development' }, { dataDir: folder });

    expect(second).toEqual(first);
    expect(first.verification.kind).toBe('hs256');
    expect(first.signingSecret).toBe(
      first.verification.kind === 'hs256' ? first.verification.secret : undefined,
    );
    expect(first.gatewaySecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.signingSecret).not.toBe(first.gatewaySecret);
    const file = join(folder, 'dev-secrets.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      jwtSecret: first.signingSecret,
      gatewaySecret: first.gatewaySecret,
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('uses the secrets it is given and writes nothing', () => {
    const folder = dataDir();

    const config = authConfigFromEnv(
      { REDTAPE_JWT_SECRET: longSecret, REDTAPE_GATEWAY_SECRET: 'g'.repeat(40) },
      { dataDir: folder },
    );

    expect(config).toEqual({
      verification: { kind: 'hs256', secret: longSecret },
      gatewaySecret: 'g'.repeat(40),
      signingSecret: longSecret,
    });
    expect(existsSync(join(folder, 'dev-secrets.json'))).toBe(false);
  });

  it('verifies with a JWKS when REDTAPE_JWKS_URL is set, and then has nothing to sign with', () => {
    const folder = dataDir();

    const config = authConfigFromEnv(
      { REDTAPE_JWKS_URL: 'https://id.example.kg/jwks.json' },
      { dataDir: folder },
    );

    expect(config.verification).toEqual({ kind: 'rs256', jwksUrl: 'https://id.example.kg/jwks.json' });
    expect(config.signingSecret).toBeUndefined();
    expect(config.gatewaySecret).toBe(
      JSON.parse(readFileSync(join(folder, 'dev-secrets.json'), 'utf8')).gatewaySecret,
    );
  });

  it('keeps a stored secret and adds the one that is missing', () => {
    const folder = dataDir();
    const jwtSecret = 'k'.repeat(43);
    writeFileSync(join(folder, 'dev-secrets.json'), JSON.stringify({ jwtSecret }));

    const config = authConfigFromEnv({}, { dataDir: folder });

    expect(config.signingSecret).toBe(jwtSecret);
    expect(JSON.parse(readFileSync(join(folder, 'dev-secrets.json'), 'utf8'))).toEqual({
      jwtSecret,
      gatewaySecret: config.gatewaySecret,
    });
  });

  it('refuses a development secrets file that is not JSON, naming the file', () => {
    const folder = dataDir();
    writeFileSync(join(folder, 'dev-secrets.json'), 'oops');

    expect(refusal({}, folder).message).toBe(
      `${join(folder, 'dev-secrets.json')} is not valid JSON; delete it to generate new development secrets`,
    );
  });
});

describe('auth configuration in production', () => {
  it('refuses to start without secrets, naming each variable', () => {
    const folder = dataDir();

    expect(refusal({ NODE_ENV: 'production' }, folder).problems).toEqual([
      'REDTAPE_JWT_SECRET (at least 32 characters) or REDTAPE_JWKS_URL is required in production',
      'REDTAPE_GATEWAY_SECRET is required in production (at least 32 characters)',
    ]);
    expect(existsSync(join(folder, 'dev-secrets.json'))).toBe(false);
  });

  it('ignores development secrets left in the data dir', () => {
    const folder = dataDir();
    authConfigFromEnv({}, { dataDir: folder });

    expect(refusal({ NODE_ENV: 'production', REDTAPE_JWT_SECRET: longSecret }, folder).message).toBe(
      'REDTAPE_GATEWAY_SECRET is required in production (at least 32 characters)',
    );
  });

  it('starts with both secrets set', () => {
    const env = {
      NODE_ENV: 'production',
      REDTAPE_JWT_SECRET: longSecret,
      REDTAPE_GATEWAY_SECRET: longSecret,
    };

    expect(authConfigFromEnv(env, { dataDir: dataDir() }).gatewaySecret).toBe(longSecret);
  });
});

describe('auth configuration refusals in any mode', () => {
  it('refuses both a JWT secret and a JWKS URL', () => {
    const env = { REDTAPE_JWT_SECRET: longSecret, REDTAPE_JWKS_URL: 'https://id.example.kg/jwks.json' };

    expect(refusal(env).message).toBe(
      'REDTAPE_JWT_SECRET and REDTAPE_JWKS_URL are both set: set REDTAPE_JWT_SECRET for HS256 tokens or REDTAPE_JWKS_URL for RS256 tokens, not both',
    );
  });

  it('refuses secrets shorter than 32 characters', () => {
    const env = { REDTAPE_JWT_SECRET: 'short', REDTAPE_GATEWAY_SECRET: 'x'.repeat(31) };

    expect(refusal(env).problems).toEqual([
      'REDTAPE_JWT_SECRET must be at least 32 characters long (it has 5)',
      'REDTAPE_GATEWAY_SECRET must be at least 32 characters long (it has 31)',
    ]);
  });

  it('refuses a JWKS URL that is not http or https', () => {
    expect(refusal({ REDTAPE_JWKS_URL: 'file:///etc/jwks.json' }).message).toBe(
      'REDTAPE_JWKS_URL must be an http or https URL, got "file:///etc/jwks.json"',
    );
  });
});
