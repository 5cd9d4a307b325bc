import type { Role } from './roles.js';

/** Every token redtape accepts or mints is issued by and for redtape, whoever signs it. */
export const TOKEN_ISSUER = 'redtape';
export const TOKEN_AUDIENCE = 'redtape';
export const DEFAULT_TOKEN_LIFETIME = '8h';

/** The claims redtape reads besides the registered ones (iss, aud, exp). */
export interface PrincipalClaims {
  readonly sub: string;
  readonly name: string;
  readonly role: Role;
  readonly unit?: string;
}
