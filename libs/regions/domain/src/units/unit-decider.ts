import { type Decider, sameJson } from '@redtape/event-sourcing';
import { normalizeNames } from '../shared/localized-names.js';
import { decideEnrollment, decideWithdrawal } from './pilot-enrollment.js';
import type { UnitCommand } from './unit-commands.js';
import { UnitAlreadyRegistered, UnitNotRegistered } from './unit-errors.js';
import type { UnitEvent } from './unit-events.js';
import { normalizeRegistration } from './unit-registration.js';
import { evolveUnit, initialUnitState, type UnitState } from './unit-state.js';

const ACTION_OF_COMMAND: Readonly<Record<UnitCommand['type'], string>> = {
  RegisterUnit: 'register',
  RenameUnit: 'rename',
  EnrollUnitInPilot: 'enroll',
  WithdrawUnitFromPilot: 'withdraw',
};

export const unitDecider: Decider<UnitCommand, UnitEvent, UnitState> = {
  initialState: initialUnitState,
  evolve: evolveUnit,

  decide(command, state): UnitEvent[] {
    if (command.type === 'RegisterUnit') {
      const registration = normalizeRegistration(command.data);
      if (state.status === 'unregistered') return [{ type: 'UnitRegistered', data: registration }];
      // A reload of the same reference data registers nothing new; different data is a real conflict.
      if (sameJson(registration, state.registration)) return [];
      throw new UnitAlreadyRegistered(registration.unitId);
    }
    if (state.status === 'unregistered') throw new UnitNotRegistered(ACTION_OF_COMMAND[command.type]);
    switch (command.type) {
      case 'RenameUnit': {
        const names = normalizeNames(command.data.names);
        if (sameJson(names, state.names)) return [];
        return [{ type: 'UnitRenamed', data: { from: state.names, to: names } }];
      }
      case 'EnrollUnitInPilot':
        return decideEnrollment(command, state);
      case 'WithdrawUnitFromPilot':
        return decideWithdrawal(command, state);
    }
  },
};
