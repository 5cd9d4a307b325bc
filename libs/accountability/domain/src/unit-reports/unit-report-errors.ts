import { DomainError } from '@redtape/event-sourcing';

/** An official reports in their own name; the Cabinet and admins may record a report on an official's behalf. */
export class ReportInAnotherOfficialsName extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(
    readonly byOfficialId: string,
    readonly actorId: string,
  ) {
    super(`${actorId} cannot file a report in the name of ${byOfficialId}: report in your own name`);
  }
}
