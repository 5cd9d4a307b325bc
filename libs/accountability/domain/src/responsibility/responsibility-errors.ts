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
