import { requireStageNumber } from '../reform-stages/stage-number.js';
import { requireCalendarDate } from '../shared/calendar-date.js';
import type { EnrollUnitInPilot, WithdrawUnitFromPilot } from './unit-commands.js';
import {
  AlreadyEnrolledInAnotherStage,
  CountryCannotJoinPilot,
  EnrollmentBeforeStageStarted,
  NotEnrolledInStage,
  WithdrawalBeforeEnrollment,
} from './unit-errors.js';
import type { UnitEnrolledInPilot, UnitWithdrawnFromPilot } from './unit-events.js';
import type { UnitState } from './unit-state.js';

type RegisteredUnit = Extract<UnitState, { status: 'registered' }>;

export function decideEnrollment(command: EnrollUnitInPilot, unit: RegisteredUnit): UnitEnrolledInPilot[] {
  const stage = requireStageNumber(command.data.stage);
  const enrolledOn = requireCalendarDate('enrolledOn', command.data.enrolledOn);
  // A stage whose start the sources do not date cannot be checked against; the application refuses unknown stages.
  const stageStartedOn =
    command.data.stageStartedOn === null
      ? null
      : requireCalendarDate('stageStartedOn', command.data.stageStartedOn);
  if (unit.registration.kind === 'COUNTRY') throw new CountryCannotJoinPilot();
  if (stageStartedOn !== null && enrolledOn < stageStartedOn)
    throw new EnrollmentBeforeStageStarted(stage, enrolledOn, stageStartedOn);
  if (unit.pilot?.stage === stage) return [];
  if (unit.pilot) throw new AlreadyEnrolledInAnotherStage(unit.pilot.stage, stage);
  return [{ type: 'UnitEnrolledInPilot', data: { stage, enrolledOn } }];
}

export function decideWithdrawal(
  command: WithdrawUnitFromPilot,
  unit: RegisteredUnit,
): UnitWithdrawnFromPilot[] {
  const stage = requireStageNumber(command.data.stage);
  const withdrawnOn = requireCalendarDate('withdrawnOn', command.data.withdrawnOn);
  if (unit.pilot?.stage !== stage) throw new NotEnrolledInStage(stage);
  if (withdrawnOn < unit.pilot.enrolledOn)
    throw new WithdrawalBeforeEnrollment(unit.pilot.enrolledOn, withdrawnOn);
  return [{ type: 'UnitWithdrawnFromPilot', data: { stage, withdrawnOn } }];
}
