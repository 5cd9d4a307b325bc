/**
 * The accountability context's published language: event types and their data, as stored and as read
 * by every projection and consumer. A type never changes once stored; a new shape is a new version.
 * Dates without a time are local dates in Asia/Bishkek, written YYYY-MM-DD.
 */
import type { DomainEvent } from '@redtape/event-sourcing';

export type LocalDate = string;

/** A measured result reported with progress, e.g. { name: 'requirements removed', value: 3, unit: 'documents' }. */
export type Figure = { name: string; value: number; unit: string | null };

// official-<officialId>
export type OfficialRegistered = DomainEvent<'OfficialRegistered', { officialId: string; name: string }>;
export type OfficialAppointed = DomainEvent<
  'OfficialAppointed',
  {
    officialId: string;
    authorityId: string;
    /** The authority's unit, as the regions context recorded it. */
    unitId: string;
    /** e.g. 'Akim', 'Mayor', 'Deputy chairman'. */
    title: string;
    /** The head of the authority carries personal responsibility for the unit's reform results. */
    head: boolean;
    appointedOn: LocalDate;
  }
>;
export type OfficialRelievedOfDuties = DomainEvent<
  'OfficialRelievedOfDuties',
  { officialId: string; authorityId: string; unitId: string; head: boolean; relievedOn: LocalDate }
>;

// responsibility-procedure-<procedureId>
export type ResponsibilityAssigned = DomainEvent<
  'ResponsibilityAssigned',
  {
    subject: 'PROCEDURE';
    subjectId: string;
    officialId: string;
    assignedOn: LocalDate;
    previousOfficialId: string | null;
  }
>;

// meeting-<meetingId>
export type MeetingHeld = DomainEvent<
  'MeetingHeld',
  {
    meetingId: string;
    heldOn: LocalDate;
    level: 'CABINET' | 'REGIONAL';
    /** The unit the meeting is about: country/kg for the Cabinet. */
    unitId: string;
    title: string;
    /** Name of the chair as minuted; an official id when the chair is recorded here too. */
    chair: string;
    chairOfficialId: string | null;
    agenda: string[];
  }
>;

// instruction-<instructionId>
export type InstructionIssued = DomainEvent<
  'InstructionIssued',
  {
    instructionId: string;
    meetingId: string | null;
    text: string;
    issuedOn: LocalDate;
    deadline: LocalDate;
    /** To an official, or to an authority (whose head then answers for it); at least one is set. */
    assigneeOfficialId: string | null;
    authorityId: string | null;
    unitId: string;
  }
>;
export type InstructionProgressReported = DomainEvent<
  'ProgressReported',
  {
    instructionId: string;
    reportId: string;
    reportedOn: LocalDate;
    byOfficialId: string;
    text: string;
    figures: Figure[];
  }
>;
export type InstructionCompleted = DomainEvent<
  'InstructionCompleted',
  { instructionId: string; completedOn: LocalDate; late: boolean }
>;
/** Appended by the deadline watcher, exactly once: the day after the deadline passed uncompleted. */
export type InstructionBecameOverdue = DomainEvent<
  'InstructionBecameOverdue',
  { instructionId: string; deadline: LocalDate; detectedOn: LocalDate }
>;
export type InstructionReassigned = DomainEvent<
  'InstructionReassigned',
  { instructionId: string; fromOfficialId: string | null; toOfficialId: string; reassignedOn: LocalDate }
>;

// progress-report-<reportId>: progress on a unit's reform as a whole, heard at a meeting or not.
export type UnitProgressReported = DomainEvent<
  'UnitProgressReported',
  {
    reportId: string;
    unitId: string;
    meetingId: string | null;
    reportedOn: LocalDate;
    byOfficialId: string;
    text: string;
    figures: Figure[];
  }
>;

export type OfficialEvent = OfficialRegistered | OfficialAppointed | OfficialRelievedOfDuties;
export type ResponsibilityEvent = ResponsibilityAssigned;
export type MeetingEvent = MeetingHeld;
export type InstructionEvent =
  | InstructionIssued
  | InstructionProgressReported
  | InstructionCompleted
  | InstructionBecameOverdue
  | InstructionReassigned;
export type UnitReportEvent = UnitProgressReported;
export type AccountabilityEvent =
  OfficialEvent | ResponsibilityEvent | MeetingEvent | InstructionEvent | UnitReportEvent;

export const OFFICIAL_STREAM_PREFIX = 'official-';
/** Responsibilities are kept per subject; procedures are the only subject so far. */
export const RESPONSIBILITY_STREAM_PREFIX = 'responsibility-';
export const PROCEDURE_RESPONSIBILITY_STREAM_PREFIX = `${RESPONSIBILITY_STREAM_PREFIX}procedure-`;
export const MEETING_STREAM_PREFIX = 'meeting-';
export const INSTRUCTION_STREAM_PREFIX = 'instruction-';
export const UNIT_REPORT_STREAM_PREFIX = 'progress-report-';

export const officialStream = (officialId: string): string => `${OFFICIAL_STREAM_PREFIX}${officialId}`;
export const procedureResponsibilityStream = (procedureId: string): string =>
  `${PROCEDURE_RESPONSIBILITY_STREAM_PREFIX}${procedureId}`;
export const meetingStream = (meetingId: string): string => `${MEETING_STREAM_PREFIX}${meetingId}`;
export const instructionStream = (instructionId: string): string =>
  `${INSTRUCTION_STREAM_PREFIX}${instructionId}`;
export const unitReportStream = (reportId: string): string => `${UNIT_REPORT_STREAM_PREFIX}${reportId}`;

/** Every stream this context writes, for subscriptions and the Kafka relay. */
export const ACCOUNTABILITY_STREAMS = {
  streamPrefixes: [
    OFFICIAL_STREAM_PREFIX,
    RESPONSIBILITY_STREAM_PREFIX,
    MEETING_STREAM_PREFIX,
    INSTRUCTION_STREAM_PREFIX,
    UNIT_REPORT_STREAM_PREFIX,
  ],
} as const;
