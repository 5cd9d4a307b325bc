import type { Command } from '@redtape/event-sourcing';
import type { ReformStageNumber } from '../reform-stages/stage-number.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { LocalizedNames } from '../shared/localized-names.js';
import type { UnitRegisteredData } from './unit-events.js';

export type RegisterUnit = Command<'RegisterUnit', UnitRegisteredData>;

export type RenameUnit = Command<'RenameUnit', { names: LocalizedNames }>;

export type EnrollUnitInPilot = Command<
  'EnrollUnitInPilot',
  {
    stage: ReformStageNumber;
    enrolledOn: CalendarDate;
    /** Loaded by the application from the stage's stream; null when the sources give no start date. */
    stageStartedOn: CalendarDate | null;
  }
>;

export type WithdrawUnitFromPilot = Command<
  'WithdrawUnitFromPilot',
  { stage: ReformStageNumber; withdrawnOn: CalendarDate }
>;

export type UnitCommand = RegisterUnit | RenameUnit | EnrollUnitInPilot | WithdrawUnitFromPilot;
