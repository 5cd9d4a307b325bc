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

/** A report heard at a meeting was made by the day the meeting sat, not after it. */
export class ReportAfterMeeting extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly meetingId: string,
    readonly heldOn: string,
    readonly reportedOn: string,
  ) {
    super(
      `a report of ${reportedOn} cannot have been heard at meeting ${meetingId}, held on ${heldOn}: ` +
        'name a meeting held on or after the report, or none',
    );
  }
}

/** A report names a meeting, but the application found no such meeting to give its date. */
export class ReportMeetingUnknown extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(readonly meetingId: string) {
    super(`there is no meeting ${meetingId} to have heard this report`);
  }
}
