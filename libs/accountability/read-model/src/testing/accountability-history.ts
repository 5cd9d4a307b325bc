import {
  instructionDecider,
  instructionStream,
  isInOffice,
  meetingDecider,
  meetingStream,
  officialDecider,
  officialStream,
  procedureResponsibilityStream,
  responsibilityDecider,
  unitReportDecider,
  unitReportStream,
  type Figure,
  type InstructionCommand,
  type InstructionEvent,
  type InstructionState,
  type LocalDate,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingHeld,
  type MeetingState,
  type OfficialCommand,
  type OfficialEvent,
  type OfficialState,
  type ResponsibilityCommand,
  type ResponsibilityEvent,
  type ResponsibilityState,
  type UnitReportCommand,
  type UnitReportEvent,
  type UnitReportState,
} from '@redtape/accountability-domain';
import {
  CommandHandler,
  type Actor,
  type Command,
  type CommandMetadata,
  type DomainEvent,
} from '@redtape/event-sourcing';
import type { EventStore, GlobalPosition } from '@redtape/event-store';

export const CABINET_OFFICER: Actor = {
  id: 'cabinet/a.sadykova',
  role: 'cabinet',
  name: 'Aigul Sadykova',
};

export interface Appointment {
  readonly authorityId: string;
  readonly unitId: string;
  readonly title: string;
  readonly head: boolean;
  readonly appointedOn: LocalDate;
}

export interface Issue {
  readonly instructionId: string;
  readonly meetingId?: string | null;
  readonly text?: string;
  readonly issuedOn: LocalDate;
  readonly deadline: LocalDate;
  readonly assigneeOfficialId?: string | null;
  readonly authorityId?: string | null;
  readonly unitId: string;
}

export interface Report {
  readonly reportId: string;
  readonly reportedOn: LocalDate;
  readonly byOfficialId: string;
  readonly text?: string;
  readonly figures?: Figure[];
}

export type Meeting = MeetingHeld['data'];

export interface UnitReport extends Report {
  readonly unitId: string;
  readonly meetingId: string | null;
}

/** 09:00 in Bishkek (UTC+6) on the day: the clock reading a command of that day carries. */
export const morningOf = (day: LocalDate): Date => new Date(`${day}T09:00:00+06:00`);

/**
 * Writes the accountability context's history the way the service does: commands through the
 * domain's deciders, with what the application looks up itself (whether an official is in office,
 * when a meeting was held) read from the same event store.
 */
export class AccountabilityHistory {
  private readonly officials: CommandHandler<OfficialCommand, OfficialEvent, OfficialState>;
  private readonly meetings: CommandHandler<MeetingCommand, MeetingEvent, MeetingState>;
  private readonly instructions: CommandHandler<InstructionCommand, InstructionEvent, InstructionState>;
  private readonly responsibilities: CommandHandler<
    ResponsibilityCommand,
    ResponsibilityEvent,
    ResponsibilityState
  >;
  private readonly unitReports: CommandHandler<UnitReportCommand, UnitReportEvent, UnitReportState>;
  private commands = 0;

  constructor(
    store: EventStore,
    private readonly actor: Actor = CABINET_OFFICER,
  ) {
    this.officials = new CommandHandler(store, officialDecider);
    this.meetings = new CommandHandler(store, meetingDecider);
    this.instructions = new CommandHandler(store, instructionDecider);
    this.responsibilities = new CommandHandler(store, responsibilityDecider);
    this.unitReports = new CommandHandler(store, unitReportDecider);
  }

  registerOfficial(officialId: string, name: string, on: LocalDate = '2025-01-10') {
    return this.handle(
      this.officials,
      officialStream(officialId),
      'RegisterOfficial',
      { officialId, name },
      on,
    );
  }

  appoint(officialId: string, appointment: Appointment) {
    return this.handle(
      this.officials,
      officialStream(officialId),
      'AppointOfficial',
      { ...appointment },
      appointment.appointedOn,
    );
  }

  relieve(
    officialId: string,
    authorityId: string,
    relievedOn: LocalDate,
    reason = 'by decree of the Cabinet',
  ) {
    return this.handle(
      this.officials,
      officialStream(officialId),
      'RelieveOfficialOfDuties',
      { authorityId, relievedOn },
      relievedOn,
      reason,
    );
  }

  holdMeeting(meeting: Meeting) {
    return this.handle(
      this.meetings,
      meetingStream(meeting.meetingId),
      'HoldMeeting',
      { ...meeting },
      meeting.heldOn,
    );
  }

  async issue(issue: Issue) {
    const meetingId = issue.meetingId ?? null;
    const assigneeOfficialId = issue.assigneeOfficialId ?? null;
    const meetingHeldOn = await this.heldOn(meetingId);
    return this.handle(
      this.instructions,
      instructionStream(issue.instructionId),
      'IssueInstruction',
      {
        instructionId: issue.instructionId,
        meetingId,
        text: issue.text ?? `Instruction ${issue.instructionId}`,
        issuedOn: issue.issuedOn,
        deadline: issue.deadline,
        assigneeOfficialId,
        authorityId: issue.authorityId ?? null,
        unitId: issue.unitId,
        meetingHeldOn,
        assigneeInOffice: assigneeOfficialId === null ? null : await this.inOffice(assigneeOfficialId),
      },
      issue.issuedOn,
    );
  }

  report(instructionId: string, report: Report) {
    return this.handle(
      this.instructions,
      instructionStream(instructionId),
      'ReportProgress',
      {
        reportId: report.reportId,
        reportedOn: report.reportedOn,
        byOfficialId: report.byOfficialId,
        text: report.text ?? `Progress on ${instructionId}`,
        figures: report.figures ?? [],
      },
      report.reportedOn,
    );
  }

  complete(instructionId: string, completedOn: LocalDate) {
    return this.handle(
      this.instructions,
      instructionStream(instructionId),
      'CompleteInstruction',
      { completedOn },
      completedOn,
    );
  }

  /** What the deadline watcher sends; `today` is its clock reading as a date in Bishkek. */
  markOverdue(instructionId: string, today: LocalDate) {
    return this.handle(
      this.instructions,
      instructionStream(instructionId),
      'MarkInstructionOverdue',
      { today },
      today,
    );
  }

  async reassign(instructionId: string, toOfficialId: string, reassignedOn: LocalDate) {
    return this.handle(
      this.instructions,
      instructionStream(instructionId),
      'ReassignInstruction',
      { toOfficialId, reassignedOn, toOfficialInOffice: await this.inOffice(toOfficialId) },
      reassignedOn,
    );
  }

  /**
   * Makes the official responsible for the procedure, as the service does: `procedureUnitAncestry`
   * is the procedure's unit and its ancestors, which the service reads from its mirror of the map.
   */
  async assignResponsibility(
    procedureId: string,
    officialId: string,
    assignedOn: LocalDate,
    procedureUnitAncestry: string[],
  ) {
    return this.handle(
      this.responsibilities,
      procedureResponsibilityStream(procedureId),
      'AssignProcedureResponsibility',
      {
        procedureId,
        officialId,
        assignedOn,
        officialIsInOffice: await this.inOffice(officialId),
        officialUnitIds: await this.unitsOf(officialId),
        procedureUnitAncestry,
      },
      assignedOn,
    );
  }

  async reportUnitProgress(report: UnitReport) {
    return this.handle(
      this.unitReports,
      unitReportStream(report.reportId),
      'ReportUnitProgress',
      {
        reportId: report.reportId,
        unitId: report.unitId,
        meetingId: report.meetingId,
        reportedOn: report.reportedOn,
        byOfficialId: report.byOfficialId,
        text: report.text ?? `Progress of ${report.unitId}`,
        figures: report.figures ?? [],
        meetingHeldOn: await this.heldOn(report.meetingId),
      },
      report.reportedOn,
    );
  }

  /** The day the meeting was held, as the application looks it up; null without a meeting or for an unknown one. */
  private async heldOn(meetingId: string | null): Promise<LocalDate | null> {
    if (meetingId === null) return null;
    const { state } = await this.meetings.load(meetingStream(meetingId));
    return state.status === 'held' ? state.meeting.heldOn : null;
  }

  private async unitsOf(officialId: string): Promise<string[]> {
    const { state } = await this.officials.load(officialStream(officialId));
    return state.status === 'registered' ? state.official.currentPositions.map((p) => p.unitId) : [];
  }

  private async inOffice(officialId: string): Promise<boolean> {
    return isInOffice((await this.officials.load(officialStream(officialId))).state);
  }

  private async handle<C extends Command, E extends DomainEvent, S>(
    handler: CommandHandler<C, E, S>,
    streamId: string,
    type: C['type'],
    data: C['data'],
    on: LocalDate,
    reason?: string,
  ): Promise<GlobalPosition> {
    this.commands += 1;
    const metadata: CommandMetadata = {
      commandId: `accountability-spec-${this.commands}`,
      actor: this.actor,
      now: morningOf(on),
      ...(reason === undefined ? {} : { reason }),
    };
    const outcome = await handler.handle(streamId, { type, data, metadata } as C);
    if (outcome.position === undefined)
      throw new Error(`${type} on ${streamId} appended nothing: the spec expects a change`);
    return outcome.position;
  }
}
