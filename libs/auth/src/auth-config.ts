import { ConfigurationError } from './configuration-error.js';
import { MIN_SECRET_LENGTH, developmentSecrets } from './development-secrets.js';
import type { TokenVerification } from './token-verifier.js';

export interface AuthConfig {
  readonly verification: TokenVerification;
  readonly gatewaySecret: string;
  /** Set when tokens are HS256: the secret the token command and development tokens sign with. */
  readonly signingSecret?: string;
}

export interface AuthConfigOptions {
  /** Where development secrets are kept, so every process on the same data agrees on them. */
  readonly dataDir: string;
}

/**
 * Reads REDTAPE_JWT_SECRET (HS256) or REDTAPE_JWKS_URL (RS256) and REDTAPE_GATEWAY_SECRET. Outside
 * production a missing secret is generated once under the data dir; in production it is an error.
 */
export function authConfigFromEnv(env: NodeJS.ProcessEnv, options: AuthConfigOptions): AuthConfig {
  const production = env['NODE_ENV'] === 'production';
  const jwtSecret = setting(env, 'REDTAPE_JWT_SECRET');
  const jwksUrl = setting(env, 'REDTAPE_JWKS_URL');
  const gatewaySecret = setting(env, 'REDTAPE_GATEWAY_SECRET');

  const problems = [
    ...tokenSettingProblems(jwtSecret, jwksUrl, production),
    ...secretProblems('REDTAPE_GATEWAY_SECRET', gatewaySecret, production),
  ];
  if (problems.length > 0) throw new ConfigurationError(problems);

  // Only touch the data dir when a secret is actually missing.
  const generated = () => developmentSecrets(options.dataDir);
  const sharedSecret = gatewaySecret ?? generated().gatewaySecret;

  if (jwksUrl !== undefined) return { verification: { kind: 'rs256', jwksUrl }, gatewaySecret: sharedSecret };
  const secret = jwtSecret ?? generated().jwtSecret;
  return { verification: { kind: 'hs256', secret }, gatewaySecret: sharedSecret, signingSecret: secret };
}

/** An empty variable counts as unset: compose files and shells often pass `VAR=` for "not configured". */
function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

function tokenSettingProblems(
  jwtSecret: string | undefined,
  jwksUrl: string | undefined,
  production: boolean,
): string[] {
  if (jwtSecret !== undefined && jwksUrl !== undefined) {
    return [
      'REDTAPE_JWT_SECRET and REDTAPE_JWKS_URL are both set: set REDTAPE_JWT_SECRET for HS256 tokens or REDTAPE_JWKS_URL for RS256 tokens, not both',
    ];
  }
  if (jwksUrl !== undefined)
    return isHttpUrl(jwksUrl) ? [] : [`REDTAPE_JWKS_URL must be an http or https URL, got "${jwksUrl}"`];
  if (jwtSecret === undefined && production) {
    return [
      `REDTAPE_JWT_SECRET (at least ${MIN_SECRET_LENGTH} characters) or REDTAPE_JWKS_URL is required in production`,
    ];
  }
  return secretProblems('REDTAPE_JWT_SECRET', jwtSecret, production);
}

function secretProblems(name: string, value: string | undefined, production: boolean): string[] {
  if (value === undefined) {
    return production ? [`${name} is required in production (at least ${MIN_SECRET_LENGTH} characters)`] : [];
  }
  return value.length < MIN_SECRET_LENGTH
    ? [`${name} must be at least ${MIN_SECRET_LENGTH} characters long (it has ${value.length})`]
    : [];
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
