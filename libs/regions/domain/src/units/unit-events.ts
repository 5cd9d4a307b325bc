import type { DomainEvent } from '@redtape/event-sourcing';
import type { ReformStageNumber } from '../reform-stages/stage-number.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { LocalizedNames } from '../shared/localized-names.js';
import type { UnitCategory, UnitKind } from './unit-kinds.js';

/** A fact about a unit that its sources could not confirm, kept so nobody mistakes it for settled. */
export type DataQualityNote = { field: string; note: string };

export type UnitRegisteredData = {
  unitId: string;
  kind: UnitKind;
  category: UnitCategory;
  names: LocalizedNames;
  /** ISO 3166-2 code, for the country, the regions and the two cities of republican significance. */
  isoCode: string | null;
  /** Code in the state classifier of territorial units (СОАТЕ). */
  soate: string | null;
  parentId: string | null;
  /** Other spellings people search by, as written in the sources (not folded). */
  aliases: string[];
  dataQuality: DataQualityNote[];
  notes: string | null;
};

export type UnitRegistered = DomainEvent<'UnitRegistered', UnitRegisteredData>;
export type UnitRenamed = DomainEvent<'UnitRenamed', { from: LocalizedNames; to: LocalizedNames }>;
export type UnitEnrolledInPilot = DomainEvent<
  'UnitEnrolledInPilot',
  { stage: ReformStageNumber; enrolledOn: CalendarDate }
>;
export type UnitWithdrawnFromPilot = DomainEvent<
  'UnitWithdrawnFromPilot',
  { stage: ReformStageNumber; withdrawnOn: CalendarDate }
>;

export type UnitEvent = UnitRegistered | UnitRenamed | UnitEnrolledInPilot | UnitWithdrawnFromPilot;
