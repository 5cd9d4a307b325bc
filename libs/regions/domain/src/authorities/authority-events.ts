import type { DomainEvent } from '@redtape/event-sourcing';
import type { LocalizedNames } from '../shared/localized-names.js';
import type { AuthorityKind, AuthorityLevel } from './authority-kinds.js';

export type AuthorityEstablishedData = {
  authorityId: string;
  unitId: string;
  kind: AuthorityKind;
  level: AuthorityLevel;
  /** The English name, for consumers that show one name only. */
  name: string;
  names: LocalizedNames;
};

export type AuthorityEstablished = DomainEvent<'AuthorityEstablished', AuthorityEstablishedData>;

export type AuthorityEvent = AuthorityEstablished;
