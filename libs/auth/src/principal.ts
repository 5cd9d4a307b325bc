import { ROLES, isRole, type Role } from './roles.js';

export interface Principal {
  readonly subject: string;
  readonly name: string;
  readonly role: Role;
  readonly unitId?: string;
}

export type PrincipalReading =
  { readonly ok: true; readonly principal: Principal } | { readonly ok: false; readonly problem: string };

// Shape only ('<type>/<kebab-slug>'); whether the unit exists is the regions service's business.
const UNIT_ID = /^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isUnitId(value: string): boolean {
  return UNIT_ID.test(value);
}

/** Reads who a token speaks for from its claims, or says which claim is missing or wrong. */
export function readPrincipal(claims: Readonly<Record<string, unknown>>): PrincipalReading {
  const { sub, name, role, unit } = claims;
  const problem = (text: string): PrincipalReading => ({ ok: false, problem: text });

  if (sub === undefined) return problem('token is missing the "sub" claim');
  if (typeof sub !== 'string' || sub.trim() === '')
    return problem('token claim "sub" must be a non-empty string');
  if (name === undefined) return problem('token is missing the "name" claim');
  if (typeof name !== 'string') return problem('token claim "name" must be a string');
  if (role === undefined) return problem('token is missing the "role" claim');
  if (!isRole(role)) return problem(`token claim "role" must be one of ${ROLES.join(', ')}`);
  if (unit !== undefined && (typeof unit !== 'string' || !isUnitId(unit))) {
    return problem('token claim "unit" must be a unit id such as district/nookat');
  }
  if (role === 'official' && unit === undefined)
    return problem('token is missing the "unit" claim, required for role official');

  const principal: Principal =
    unit === undefined ? { subject: sub, name, role } : { subject: sub, name, role, unitId: unit };
  return { ok: true, principal };
}
