import type {
  InstructionRecord,
  MeetingRecord,
  OfficialRecord,
  PositionRecord,
  ProgressReportRecord,
  ScorecardRecord,
} from '@redtape/accountability-read-model';
import type { InstructionStatus, MeetingLevel } from './enums.js';
import type { Instruction, Meeting, Official, Position, ProgressReport, Scorecard } from './models.js';

export function toPosition(position: PositionRecord): Position {
  return {
    authority: { id: position.authorityId },
    unit: { id: position.unitId },
    title: position.title,
    head: position.head,
    appointedOn: position.appointedOn,
    relievedOn: position.relievedOn,
  };
}

export function toOfficial(record: OfficialRecord): Official {
  return {
    id: record.id,
    name: record.name,
    positions: record.positions.map(toPosition),
    currentPosition: record.currentPosition ? toPosition(record.currentPosition) : null,
    revision: record.revision,
  };
}

export function toInstruction(record: InstructionRecord): Instruction {
  return {
    id: record.id,
    text: record.text,
    issuedOn: record.issuedOn,
    deadline: record.deadline,
    status: record.status as InstructionStatus,
    unassigned: record.unassigned,
    authority: record.authorityId ? { id: record.authorityId } : null,
    unit: { id: record.unitId },
    completedOn: record.completedOn,
    revision: record.revision,
    assigneeOfficialId: record.effectiveOfficialId,
    meetingId: record.meetingId,
  };
}

export function toProgressReport(record: ProgressReportRecord): ProgressReport {
  return {
    id: record.id,
    reportedOn: record.reportedOn,
    text: record.text,
    figures: record.figures,
    instructionId: record.instructionId,
    unit: { id: record.unitId },
    byOfficialId: record.byOfficialId,
  };
}

export function toMeeting(record: MeetingRecord): Meeting {
  return {
    id: record.id,
    heldOn: record.heldOn,
    level: record.level as MeetingLevel,
    unit: { id: record.unitId },
    title: record.title,
    chair: record.chair,
    agenda: record.agenda,
  };
}

export function toScorecard(record: ScorecardRecord): Scorecard {
  return {
    onTime: record.onTime,
    completedLate: record.completedLate,
    overdue: record.overdue,
    open: record.open,
    unassigned: record.unassigned,
    proceduresResponsible: record.proceduresResponsible,
    baselineDate: record.baselineDate,
    requirementsRemovedSinceBaseline: record.requirementsRemovedSinceBaseline,
    decisionDaysCutSinceBaseline: record.decisionDaysCutSinceBaseline,
    proceduresMergedSinceBaseline: record.proceduresMergedSinceBaseline,
    proceduresAbolishedSinceBaseline: record.proceduresAbolishedSinceBaseline,
  };
}
