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
        `underscores, starting with a letter or a digit (like akim-naryn or instr-2026-07)`,
    );
  }
}

export class InvalidLocalDate extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    readonly value: string,
  ) {
    super(`${field} ${JSON.stringify(value)} is not a date: write a real day as YYYY-MM-DD`);
  }
}

export class InvalidFigureValue extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    readonly value: number,
  ) {
    super(`${field} must be a finite number, not ${value}`);
  }
}

export class InvalidMeetingLevel extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly level: string) {
    super(`${JSON.stringify(level)} is not a level of meeting: use CABINET or REGIONAL`);
  }
}

/** A past-tense fact dated after today: it would count now for something that has not happened. */
export class DateAfterToday extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    readonly date: string,
    readonly today: string,
  ) {
    super(
      `${field} ${date} is after today (${today} in Bishkek): record what happened once it has happened; ` +
        'a change dated in the future would take effect at once',
    );
  }
}
