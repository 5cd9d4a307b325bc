import type { ReformStageNumber } from '../reform-stages/stage-number.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { LocalizedNames } from '../shared/localized-names.js';
import type { UnitEvent, UnitRegisteredData } from './unit-events.js';

export type PilotEnrollment = { stage: ReformStageNumber; enrolledOn: CalendarDate };

export type UnitState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      /** As first registered, so that a repeated registration can be recognised after renames. */
      registration: UnitRegisteredData;
      names: LocalizedNames;
      pilot: PilotEnrollment | null;
    };

export const initialUnitState = (): UnitState => ({ status: 'unregistered' });

export function evolveUnit(state: UnitState, event: UnitEvent): UnitState {
  if (event.type === 'UnitRegistered')
    return { status: 'registered', registration: event.data, names: event.data.names, pilot: null };
  if (state.status !== 'registered') return state;
  switch (event.type) {
    case 'UnitRenamed':
      return { ...state, names: event.data.to };
    case 'UnitEnrolledInPilot':
      return { ...state, pilot: { stage: event.data.stage, enrolledOn: event.data.enrolledOn } };
    case 'UnitWithdrawnFromPilot':
      return { ...state, pilot: null };
  }
}
