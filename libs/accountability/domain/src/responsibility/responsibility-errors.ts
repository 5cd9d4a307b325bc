import { DomainError } from '@redtape/event-sourcing';

/** Each procedure has its own responsibility stream; a command for another procedure was sent to the wrong one. */
export class ResponsibilityForAnotherProcedure extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly procedureId: string,
    readonly givenProcedureId: string,
  ) {
    super(
      `this record of responsibility is for procedure ${procedureId}, not ${givenProcedureId}: ` +
        `send the command to procedureResponsibilityStream(${JSON.stringify(givenProcedureId)})`,
    );
  }
}

/** An official answers only for procedures of their own unit or of units below it. */
export class ResponsibilityOutsideUnitChain extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly officialId: string,
    readonly procedureUnitId: string,
  ) {
    super(
      `official ${officialId} holds no position in ${procedureUnitId} or a unit above it, ` +
        'so cannot answer for its procedures: choose an official of that unit',
    );
  }
}
