export * from './roles.js';
export * from './principal.js';
export * from './authentication-error.js';
export * from './configuration-error.js';
export * from './bearer-token.js';
export * from './token-verifier.js';
export * from './mint-token.js';
export * from './development-tokens.js';
export * from './gateway-secret.js';
export * from './auth-config.js';
export { DEVELOPMENT_SECRETS_FILE, MIN_SECRET_LENGTH } from './development-secrets.js';
export {
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  DEFAULT_TOKEN_LIFETIME,
  type PrincipalClaims,
} from './token-claims.js';
