import { DomainError } from '@redtape/event-sourcing';

export class UnitNotRegistered extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(readonly action: string) {
    super(`there is no such administrative unit: register it before you ${action} it`);
  }
}

export class UnitAlreadyRegistered extends DomainError {
  readonly code = 'CONFLICT';
  constructor(readonly unitId: string) {
    super(
      `${unitId} is already registered with other details; rename it or correct it instead of registering it again`,
    );
  }
}

export class InvalidUnitId extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    readonly value: string,
    reason: string,
  ) {
    super(`${field} ${JSON.stringify(value)} ${reason}`);
  }
}

export class UnitCategoryDoesNotFitKind extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly kind: string,
    readonly category: string,
  ) {
    super(`a unit of kind ${kind} cannot be of category ${JSON.stringify(category)}`);
  }
}

export class InvalidUnitParent extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly unitId: string,
    reason: string,
  ) {
    super(`${unitId}: ${reason}`);
  }
}

export class CountryCannotJoinPilot extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor() {
    super('the country as a whole cannot be enrolled in a pilot: enroll its regions, cities or districts');
  }
}

export class EnrollmentBeforeStageStarted extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly stage: number,
    readonly enrolledOn: string,
    readonly stageStartedOn: string,
  ) {
    super(`cannot enroll on ${enrolledOn} in reform stage ${stage}, which started only on ${stageStartedOn}`);
  }
}

export class AlreadyEnrolledInAnotherStage extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    readonly enrolledStage: number,
    readonly requestedStage: number,
  ) {
    super(
      `the unit is enrolled in the pilot of reform stage ${enrolledStage}; ` +
        `withdraw it from there before enrolling it in stage ${requestedStage}`,
    );
  }
}

export class NotEnrolledInStage extends DomainError {
  readonly code = 'CONFLICT';
  constructor(readonly stage: number) {
    super(
      `the unit is not enrolled in the pilot of reform stage ${stage}, so it cannot be withdrawn from it`,
    );
  }
}

export class WithdrawalBeforeEnrollment extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly enrolledOn: string,
    readonly withdrawnOn: string,
  ) {
    super(`cannot withdraw on ${withdrawnOn} a unit that was enrolled only on ${enrolledOn}`);
  }
}
