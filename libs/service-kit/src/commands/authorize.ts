import type { Principal } from '@redtape/auth';
import type { Actor } from '@redtape/event-sourcing';
import { apiError } from '../errors/api-error.js';
import { actorOf } from './actor-of.js';

/** What one context's authorization needs: where a unit lies, and its domain's rule of who may do what. */
export interface AuthorizationPolicy<A extends string> {
  /** What the context's commands do, for "sign in to …": "change the administrative map". */
  readonly purpose: string;
  /** The unit's id, then its ancestors up to the country; undefined for a unit nobody knows. */
  ancestry(unitId: string): Promise<readonly string[] | undefined>;
  mayPerform(actor: Actor, action: A, ancestry: readonly string[]): boolean;
}

/**
 * The one authorization every context's commands go through: signed in, not an auditor, the unit
 * known (NOT_FOUND otherwise, in every context), and the domain's rule satisfied; an official
 * outside the unit's ancestry hears so, any other refusal names the role and the action.
 */
export async function authorize<A extends string>(
  principal: Principal | undefined,
  action: A,
  unitId: string,
  policy: AuthorizationPolicy<A>,
): Promise<Actor> {
  if (!principal) throw apiError.unauthenticated(`sign in to ${policy.purpose}`);
  if (principal.role === 'auditor') throw apiError.forbidden('auditors read everything and change nothing');
  const ancestry = await policy.ancestry(unitId);
  if (!ancestry) throw apiError.notFound(`there is no administrative unit ${unitId}`);
  const actor = actorOf(principal);
  if (policy.mayPerform(actor, action, ancestry)) return actor;
  throw principal.role === 'official' && !ancestry.includes(principal.unitId ?? '')
    ? apiError.forbidden(
        `${unitId} is outside ${principal.unitId ?? 'your unit'}: an official acts only in their own unit and the units below it`,
      )
    : apiError.roleMayNot(principal.role, action, unitId);
}
