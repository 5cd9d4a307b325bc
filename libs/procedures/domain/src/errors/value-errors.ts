import { DomainError } from '@redtape/event-sourcing';

export { RequiredTextMissing, TextTooLong } from '@redtape/event-sourcing';

export class InvalidId extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    readonly value: string,
  ) {
    super(
      `${field} ${JSON.stringify(value)} is not an id: use 1 to 100 letters, digits, dots, dashes or ` +
        `underscores, starting with a letter or a digit (like building-permit or req-01)`,
    );
  }
}

export class InvalidGovernmentLevel extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly level: string) {
    super(`${JSON.stringify(level)} is not a level of government: use CENTRAL, REGIONAL, CITY or DISTRICT`);
  }
}

export class InvalidDecisionTime extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly days: number) {
    super(`the statutory decision time is a whole number of days, at least 1, not ${days}`);
  }
}

export class InvalidFee extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}; give the fee in whole tyiyn (1 som = 100 tyiyn) in KGS, or none`);
  }
}

export class InvalidDocumentCount extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    readonly count: number,
  ) {
    super(`${field} is a whole number of documents, 0 or more, not ${count}`);
  }
}

export class RequirementAsksForNothing extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly requirementId: string) {
    super(
      `requirement ${requirementId} asks for 0 originals and 0 copies: ask for at least one document, ` +
        `or leave the requirement out`,
    );
  }
}

export class InvalidStepPosition extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly position: number,
    readonly stepCount: number,
  ) {
    super(
      `a new step goes at a position from 0 (first) to ${stepCount} (last), not ${position}; ` +
        `leave the position out to add it at the end`,
    );
  }
}

export class InvalidReviewOutcome extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly outcome: string) {
    super(
      `a review ends SIMPLIFIED (it cut something) or ACTIVE (it left the procedure as it was), ` +
        `not ${JSON.stringify(outcome)}`,
    );
  }
}

export class InvalidSimilarityThreshold extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly threshold: number) {
    super(`a similarity threshold lies between 0 and 1, not ${threshold}`);
  }
}
