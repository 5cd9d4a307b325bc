import { DomainError } from '@redtape/event-sourcing';
import { COMMAND_PHRASES } from '../commands/command-phrases.js';
import type { ProcedureCommandType } from '../commands/procedure-commands.js';
import type { ProcedureStatus } from '../procedure-events.js';

export class ProcedureNotRegistered extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(readonly action: ProcedureCommandType) {
    super(`cannot ${COMMAND_PHRASES[action]}: there is no such procedure; register it first`);
  }
}

export class ProcedureAlreadyRegistered extends DomainError {
  readonly code = 'CONFLICT';
  constructor(readonly procedureId: string) {
    super(
      `procedure ${procedureId} is already registered with other details: change it with the ` +
        `commands for each part instead of registering it again`,
    );
  }
}

/** Every change after registration says why it was made, so that auditors can read it in the history. */
export class ReasonRequired extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly action: ProcedureCommandType) {
    super(`a reason is required to ${COMMAND_PHRASES[action]}: say why the change is made`);
  }
}

/** A merged or abolished procedure is history: nothing about it changes (an abolished one can be reinstated). */
export class ProcedureClosed extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly action: ProcedureCommandType,
    readonly procedureId: string,
    readonly status: 'MERGED' | 'ABOLISHED',
    readonly mergedInto: string | null,
  ) {
    super(
      status === 'MERGED'
        ? `cannot ${COMMAND_PHRASES[action]}: ${procedureId} was merged into ${mergedInto ?? 'another procedure'} ` +
            `and can no longer change; change ${mergedInto ?? 'that procedure'} instead`
        : `cannot ${COMMAND_PHRASES[action]}: ${procedureId} is abolished; reinstate it before changing it`,
    );
  }
}

/** A lifecycle step taken from a status that does not lead to it (e.g. finishing a review never started). */
export class ProcedureStatusForbidsCommand extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly action: ProcedureCommandType,
    readonly status: ProcedureStatus,
    readonly allowedStatuses: readonly ProcedureStatus[],
  ) {
    super(
      `cannot ${COMMAND_PHRASES[action]} while it is ${status}: ` +
        `only a procedure that is ${allowedStatuses.join(' or ')} allows that`,
    );
  }
}

export class MergedProcedureCannotBeReinstated extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly procedureId: string,
    readonly mergedInto: string | null,
  ) {
    super(
      `${procedureId} was merged into ${mergedInto ?? 'another procedure'} and cannot be reinstated: ` +
        `only an abolished procedure can be`,
    );
  }
}

export class MergeTargetUnavailable extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly into: string,
    readonly targetStatus: ProcedureStatus | null,
  ) {
    super(
      `cannot merge into ${into}: the target must exist and be ACTIVE (or SIMPLIFIED), ` +
        (targetStatus === null ? 'but there is no such procedure' : `but it is ${targetStatus}`),
    );
  }
}

export class DuplicateTargetMissing extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly duplicateOf: string) {
    super(`cannot mark the procedure as a duplicate of ${duplicateOf}: there is no such procedure`);
  }
}

/** A procedure can neither be merged into itself nor be a duplicate of itself. */
export class ProcedureReferencesItself extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly action: ProcedureCommandType,
    readonly procedureId: string,
  ) {
    super(`cannot ${COMMAND_PHRASES[action]}: ${procedureId} refers to itself; name another procedure`);
  }
}
