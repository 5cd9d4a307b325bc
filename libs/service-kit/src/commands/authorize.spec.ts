import { describe, expect, it } from '@jest/globals';
import type { Principal } from '@redtape/auth';
import type { Actor } from '@redtape/event-sourcing';
import { GraphQLError } from 'graphql';
import { authorize, type AuthorizationPolicy } from './authorize.js';

const MAP: Readonly<Record<string, readonly string[]>> = {
  'country/kg': ['country/kg'],
  'region/osh': ['region/osh', 'country/kg'],
  'district/nookat': ['district/nookat', 'region/osh', 'country/kg'],
  'city/tokmok': ['city/tokmok', 'region/chuy', 'country/kg'],
};

/** Officials act within their own unit; only the Cabinet may abolish. */
const policy: AuthorizationPolicy<'Change' | 'Abolish'> = {
  purpose: 'change procedures',
  ancestry: async (unitId) => MAP[unitId],
  mayPerform: (actor: Actor, action, ancestry) =>
    (action === 'Change' || actor.role === 'cabinet') &&
    (actor.role !== 'official' || ancestry.includes(actor.unitId ?? '')),
};

const akimOfOsh: Principal = {
  subject: 'akim-osh',
  name: 'Akim of Osh',
  role: 'official',
  unitId: 'region/osh',
};
const cabinet: Principal = { subject: 'cabinet-desk', name: 'Cabinet desk', role: 'cabinet' };

async function refusal(promise: Promise<unknown>): Promise<{ code: unknown; message: string }> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof GraphQLError)) throw new Error(`expected a GraphQL error, got ${String(error)}`);
  return { code: error.extensions['code'], message: error.message };
}

describe('authorizing a change', () => {
  it('gives the actor of a principal the rule allows, in its unit or below', async () =>
    expect(await authorize(akimOfOsh, 'Change', 'district/nookat', policy)).toEqual({
      id: 'akim-osh',
      name: 'Akim of Osh',
      role: 'official',
      unitId: 'region/osh',
    }));

  it('asks an anonymous caller to sign in, naming what the context does', async () =>
    expect(await refusal(authorize(undefined, 'Change', 'district/nookat', policy))).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'sign in to change procedures',
    }));

  it('refuses an auditor whatever the unit', async () =>
    expect(
      (await refusal(authorize({ ...cabinet, role: 'auditor' }, 'Change', 'country/kg', policy))).code,
    ).toBe('FORBIDDEN'));

  it('answers NOT_FOUND for a unit nobody knows, before judging the caller’s reach', async () =>
    expect(await refusal(authorize(akimOfOsh, 'Change', 'district/atlantis', policy))).toEqual({
      code: 'NOT_FOUND',
      message: 'there is no administrative unit district/atlantis',
    }));

  it('tells an official a unit outside their own is out of reach', async () =>
    expect(await refusal(authorize(akimOfOsh, 'Change', 'city/tokmok', policy))).toEqual({
      code: 'FORBIDDEN',
      message:
        'city/tokmok is outside region/osh: an official acts only in their own unit and the units below it',
    }));

  it('names the role and the action a role may not take, even within reach', async () => {
    const { code, message } = await refusal(authorize(akimOfOsh, 'Abolish', 'district/nookat', policy));
    expect(code).toBe('FORBIDDEN');
    expect(message).toMatch(/official may not abolish for district\/nookat/);
  });
});
