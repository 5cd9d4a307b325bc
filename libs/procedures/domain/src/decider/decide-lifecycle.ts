import type {
  AbolishProcedure,
  ActivateProcedure,
  FinishReview,
  MarkProcedureDuplicate,
  MergeProcedure,
  ReinstateProcedure,
  StartReview,
} from '../commands/procedure-commands.js';
import {
  DuplicateTargetMissing,
  MergedProcedureCannotBeReinstated,
  MergeTargetUnavailable,
  ProcedureReferencesItself,
  ProcedureStatusForbidsCommand,
} from '../errors/procedure-errors.js';
import { InvalidReviewOutcome } from '../errors/value-errors.js';
import type { ProcedureEvent } from '../procedure-events.js';
import type { ProcedureDocument } from '../procedure-state.js';
import { requireId } from '../rules/ids.js';

export function decideActivation(command: ActivateProcedure, procedure: ProcedureDocument): ProcedureEvent[] {
  if (procedure.status !== 'DRAFT')
    throw new ProcedureStatusForbidsCommand(command.type, procedure.status, ['DRAFT']);
  return [{ type: 'ProcedureActivated', data: {} }];
}

export function decideStartReview(command: StartReview, procedure: ProcedureDocument): ProcedureEvent[] {
  const from = procedure.status;
  if (from !== 'ACTIVE' && from !== 'SIMPLIFIED')
    throw new ProcedureStatusForbidsCommand(command.type, from, ['ACTIVE', 'SIMPLIFIED']);
  return [{ type: 'ReviewStarted', data: { from } }];
}

export function decideFinishReview(command: FinishReview, procedure: ProcedureDocument): ProcedureEvent[] {
  const { outcome } = command.data;
  if (outcome !== 'SIMPLIFIED' && outcome !== 'ACTIVE') throw new InvalidReviewOutcome(String(outcome));
  if (procedure.status !== 'UNDER_REVIEW')
    throw new ProcedureStatusForbidsCommand(command.type, procedure.status, ['UNDER_REVIEW']);
  return [{ type: 'ReviewFinished', data: { outcome } }];
}

export function decideMarkDuplicate(
  command: MarkProcedureDuplicate,
  procedure: ProcedureDocument,
): ProcedureEvent[] {
  const duplicateOf = requireId('duplicateOf', command.data.duplicateOf);
  if (duplicateOf === procedure.procedureId) throw new ProcedureReferencesItself(command.type, duplicateOf);
  if (command.data.duplicateOfExists !== true) throw new DuplicateTargetMissing(duplicateOf);
  if (duplicateOf === procedure.duplicateOf) return [];
  return [{ type: 'ProcedureMarkedDuplicate', data: { duplicateOf } }];
}

export function decideMerge(command: MergeProcedure, procedure: ProcedureDocument): ProcedureEvent[] {
  const into = requireId('into', command.data.into);
  if (into === procedure.procedureId) throw new ProcedureReferencesItself(command.type, into);
  // Only a procedure in force can take over another's applicants; one under review may still be cut.
  const { targetStatus } = command.data;
  if (targetStatus !== 'ACTIVE' && targetStatus !== 'SIMPLIFIED')
    throw new MergeTargetUnavailable(into, targetStatus);
  return [{ type: 'ProcedureMerged', data: { into, from: procedure.status } }];
}

export function decideAbolition(_command: AbolishProcedure, procedure: ProcedureDocument): ProcedureEvent[] {
  return [{ type: 'ProcedureAbolished', data: { from: procedure.status } }];
}

export function decideReinstatement(
  command: ReinstateProcedure,
  procedure: ProcedureDocument,
): ProcedureEvent[] {
  if (procedure.status === 'MERGED')
    throw new MergedProcedureCannotBeReinstated(procedure.procedureId, procedure.mergedInto);
  if (procedure.status !== 'ABOLISHED')
    throw new ProcedureStatusForbidsCommand(command.type, procedure.status, ['ABOLISHED']);
  return [{ type: 'ProcedureReinstated', data: { to: 'ACTIVE' } }];
}
