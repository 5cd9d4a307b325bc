import type { Decider } from '@redtape/event-sourcing';
import type { ProcedureCommand } from '../commands/procedure-commands.js';
import { ProcedureClosed, ProcedureNotRegistered } from '../errors/procedure-errors.js';
import type { ProcedureEvent } from '../procedure-events.js';
import { evolveProcedure, initialProcedureState, type ProcedureState } from '../procedure-state.js';
import { requireReason } from '../rules/reason.js';
import {
  decideAbolition,
  decideActivation,
  decideFinishReview,
  decideMarkDuplicate,
  decideMerge,
  decideReinstatement,
  decideStartReview,
} from './decide-lifecycle.js';
import { decideRegistration } from './decide-registration.js';
import {
  decideAddRequirement,
  decideRemoveRequirement,
  decideReplaceRequirement,
} from './decide-requirements.js';
import { decideAddStep, decideRemoveStep, decideReorderSteps } from './decide-steps.js';
import { decideDecisionTime, decideFee, decideLegalBasis } from './decide-terms.js';

/**
 * The procedure aggregate. Rules are checked in this order: the procedure must be registered
 * (NOT_FOUND), the change must give a reason, a merged or abolished procedure takes no change but
 * reinstatement, and then each command's own rules. A command that changes nothing returns no events.
 */
export const procedureDecider: Decider<ProcedureCommand, ProcedureEvent, ProcedureState> = {
  initialState: initialProcedureState,
  evolve: evolveProcedure,

  decide(command, state): ProcedureEvent[] {
    if (command.type === 'RegisterProcedure') return decideRegistration(command, state);
    if (state.status === 'unregistered') throw new ProcedureNotRegistered(command.type);
    requireReason(command);
    const { procedure } = state;
    if (command.type === 'ReinstateProcedure') return decideReinstatement(command, procedure);
    if (procedure.status === 'MERGED' || procedure.status === 'ABOLISHED')
      throw new ProcedureClosed(command.type, procedure.procedureId, procedure.status, procedure.mergedInto);
    switch (command.type) {
      case 'ActivateProcedure':
        return decideActivation(command, procedure);
      case 'AddRequirement':
        return decideAddRequirement(command, procedure);
      case 'RemoveRequirement':
        return decideRemoveRequirement(command, procedure);
      case 'ReplaceRequirement':
        return decideReplaceRequirement(command, procedure);
      case 'AddStep':
        return decideAddStep(command, procedure);
      case 'RemoveStep':
        return decideRemoveStep(command, procedure);
      case 'ReorderSteps':
        return decideReorderSteps(command, procedure);
      case 'ChangeDecisionTime':
        return decideDecisionTime(command, procedure);
      case 'ChangeFee':
        return decideFee(command, procedure);
      case 'ChangeLegalBasis':
        return decideLegalBasis(command, procedure);
      case 'StartReview':
        return decideStartReview(command, procedure);
      case 'FinishReview':
        return decideFinishReview(command, procedure);
      case 'MarkProcedureDuplicate':
        return decideMarkDuplicate(command, procedure);
      case 'MergeProcedure':
        return decideMerge(command, procedure);
      case 'AbolishProcedure':
        return decideAbolition(command, procedure);
    }
  },
};
