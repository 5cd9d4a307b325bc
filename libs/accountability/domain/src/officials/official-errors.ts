import { DomainError } from '@redtape/event-sourcing';
import type { LocalDate } from '../accountability-events.js';
import type { AccountabilityCommandType } from '../commands/accountability-commands.js';
import { COMMAND_PHRASES } from '../commands/command-phrases.js';

export class OfficialNotRegistered extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(readonly action: AccountabilityCommandType) {
    super(`cannot ${COMMAND_PHRASES[action]}: there is no such official; register the official first`);
  }
}

export class OfficialAlreadyRegistered extends DomainError {
  readonly code = 'CONFLICT';
  constructor(readonly officialId: string) {
    super(`official ${officialId} is already registered with other details; it cannot be registered again`);
  }
}

/** One position at a time per authority: a new title there means relieving the official of the old one first. */
export class OfficialAlreadyHoldsPosition extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly officialId: string,
    readonly authorityId: string,
    readonly title: string,
  ) {
    super(
      `official ${officialId} already holds the position of ${title} in ${authorityId}: ` +
        `relieve the official of it before appointing to another position there`,
    );
  }
}

export class OfficialHoldsNoPosition extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly officialId: string,
    readonly authorityId: string,
  ) {
    super(`official ${officialId} holds no position in ${authorityId} to be relieved of`);
  }
}

export class ReliefBeforeAppointment extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly relievedOn: LocalDate,
    readonly appointedOn: LocalDate,
  ) {
    super(`an official cannot be relieved on ${relievedOn}, before being appointed on ${appointedOn}`);
  }
}

/** Positions in one authority follow each other: a new one cannot start before the last one ended. */
export class AppointmentBeforeEarlierRelief extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly authorityId: string,
    readonly appointedOn: LocalDate,
    readonly relievedOn: LocalDate,
  ) {
    super(
      `cannot appoint the official in ${authorityId} on ${appointedOn}: ` +
        `the official's last position there ended only on ${relievedOn}`,
    );
  }
}

/** An authority has one head at a time: the one in office is relieved before another is appointed. */
export class AuthorityAlreadyHeaded extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly authorityId: string,
    readonly headOfficialId: string,
  ) {
    super(
      `${authorityId} is headed by ${headOfficialId}: relieve them first, or appoint this official ` +
        'without heading it (head: false)',
    );
  }
}
