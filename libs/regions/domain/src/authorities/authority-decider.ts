import { type Decider, sameJson } from '@redtape/event-sourcing';
import { normalizeNames } from '../shared/localized-names.js';
import { InvalidUnitId } from '../units/unit-errors.js';
import { isUnitId } from '../units/unit-id.js';
import type { AuthorityCommand, EstablishAuthority } from './authority-commands.js';
import {
  AuthorityAlreadyEstablished,
  AuthorityKindDoesNotFitUnit,
  InvalidAuthorityId,
} from './authority-errors.js';
import type { AuthorityEstablishedData, AuthorityEvent } from './authority-events.js';
import { isAuthorityId } from './authority-id.js';
import { LEVEL_OF_UNIT_KIND, UNIT_KIND_OF_AUTHORITY_KIND } from './authority-kinds.js';

export type AuthorityState =
  { status: 'not-established' } | { status: 'established'; establishment: AuthorityEstablishedData };

function establishment({ data }: EstablishAuthority): AuthorityEstablishedData {
  if (!isAuthorityId(data.authorityId)) throw new InvalidAuthorityId(data.authorityId);
  if (!isUnitId(data.unitId))
    throw new InvalidUnitId('unitId', data.unitId, 'is not a unit id like region/talas');
  if (UNIT_KIND_OF_AUTHORITY_KIND[data.kind] !== data.unitKind)
    throw new AuthorityKindDoesNotFitUnit(data.kind, data.unitKind);
  const names = normalizeNames(data.names);
  return {
    authorityId: data.authorityId,
    unitId: data.unitId,
    kind: data.kind,
    level: LEVEL_OF_UNIT_KIND[data.unitKind],
    name: names.en,
    names,
  };
}

export const authorityDecider: Decider<AuthorityCommand, AuthorityEvent, AuthorityState> = {
  initialState: () => ({ status: 'not-established' }),

  evolve(_state, event) {
    switch (event.type) {
      case 'AuthorityEstablished':
        return { status: 'established', establishment: event.data };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'EstablishAuthority': {
        const established = establishment(command);
        if (state.status === 'not-established') return [{ type: 'AuthorityEstablished', data: established }];
        if (sameJson(established, state.establishment)) return [];
        throw new AuthorityAlreadyEstablished(established.authorityId);
      }
    }
  },
};
