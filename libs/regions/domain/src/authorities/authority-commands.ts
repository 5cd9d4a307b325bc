import type { Command } from '@redtape/event-sourcing';
import type { LocalizedNames } from '../shared/localized-names.js';
import type { UnitKind } from '../units/unit-kinds.js';
import type { AuthorityKind } from './authority-kinds.js';

export type EstablishAuthority = Command<
  'EstablishAuthority',
  {
    authorityId: string;
    unitId: string;
    /** Passed in by the application once it has checked that the unit exists. */
    unitKind: UnitKind;
    kind: AuthorityKind;
    names: LocalizedNames;
  }
>;

export type AuthorityCommand = EstablishAuthority;
