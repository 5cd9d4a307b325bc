import { DomainError } from '@redtape/event-sourcing';
import type { AccountabilityCommandType } from '../commands/accountability-commands.js';
import { COMMAND_PHRASES } from '../commands/command-phrases.js';

/** Changes that end something (relieving an official of duties) say why, so that the history shows it. */
export class ReasonRequired extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly action: AccountabilityCommandType) {
    super(`a reason is required to ${COMMAND_PHRASES[action]}: say why in the command's reason`);
  }
}

/** Only an official who holds a position now can be made to answer for something. */
export class OfficialNotInOffice extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly action: AccountabilityCommandType,
    readonly officialId: string,
  ) {
    super(
      `cannot ${COMMAND_PHRASES[action]}: official ${officialId} is unknown or holds no position now; ` +
        `appoint the official first or choose one in office`,
    );
  }
}

/** A report id names one report: sending it again with other content is a conflict, not a correction. */
export class ReportAlreadyRecorded extends DomainError {
  readonly code = 'CONFLICT';
  constructor(readonly reportId: string) {
    super(`report ${reportId} is already recorded with other content; send a new report with a new id`);
  }
}
