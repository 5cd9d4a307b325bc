import type { Decider } from '@redtape/event-sourcing';
import type { LocalDate, ResponsibilityEvent } from '../accountability-events.js';
import { OfficialNotInOffice } from '../errors/rule-errors.js';
import { requirePastOrToday } from '../rules/dates.js';
import { requireId } from '../rules/ids.js';
import type { ResponsibilityCommand } from './responsibility-commands.js';
import {
  ResponsibilityForAnotherProcedure,
  ResponsibilityOutsideUnitChain,
} from './responsibility-errors.js';
import { isWithinUnitChain } from './who-answers.js';

/**
 * Who answers for a procedure (`responsibility-procedure-<procedureId>`). While nobody was assigned,
 * the head of the owning authority does: the read side works that out, so this stream stays empty.
 */
export type ResponsibilityState =
  | { status: 'default' }
  | { status: 'assigned'; procedureId: string; officialId: string; assignedOn: LocalDate };

export const initialResponsibilityState = (): ResponsibilityState => ({ status: 'default' });

export function evolveResponsibility(
  _state: ResponsibilityState,
  event: ResponsibilityEvent,
): ResponsibilityState {
  switch (event.type) {
    case 'ResponsibilityAssigned': {
      const { subjectId, officialId, assignedOn } = event.data;
      return { status: 'assigned', procedureId: subjectId, officialId, assignedOn };
    }
  }
}

/** Assigning the official already responsible changes nothing; only an official in office can be assigned. */
export const responsibilityDecider: Decider<ResponsibilityCommand, ResponsibilityEvent, ResponsibilityState> =
  {
    initialState: initialResponsibilityState,
    evolve: evolveResponsibility,

    decide(command, state): ResponsibilityEvent[] {
      switch (command.type) {
        case 'AssignProcedureResponsibility': {
          const procedureId = requireId('procedureId', command.data.procedureId);
          const officialId = requireId('officialId', command.data.officialId);
          const assignedOn = requirePastOrToday('assignedOn', command.data.assignedOn, command.metadata.now);
          if (state.status === 'assigned') {
            if (state.procedureId !== procedureId)
              throw new ResponsibilityForAnotherProcedure(state.procedureId, procedureId);
            if (state.officialId === officialId) return [];
          }
          if (command.data.officialIsInOffice !== true)
            throw new OfficialNotInOffice(command.type, officialId);
          const ancestry = command.data.procedureUnitAncestry ?? [];
          if (!isWithinUnitChain(command.data.officialUnitIds ?? [], ancestry))
            throw new ResponsibilityOutsideUnitChain(officialId, ancestry[0] ?? 'its unit');
          return [
            {
              type: 'ResponsibilityAssigned',
              data: {
                subject: 'PROCEDURE',
                subjectId: procedureId,
                officialId,
                assignedOn,
                previousOfficialId: state.status === 'assigned' ? state.officialId : null,
              },
            },
          ];
        }
      }
    },
  };
