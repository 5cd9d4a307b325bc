import type { Command } from '@redtape/event-sourcing';
import type { Figure, LocalDate } from '../accountability-events.js';

/** Progress on a unit's reform as a whole, heard at a meeting (`meetingId`) or not (null). */
export type ReportUnitProgress = Command<
  'ReportUnitProgress',
  {
    reportId: string;
    unitId: string;
    meetingId: string | null;
    reportedOn: LocalDate;
    byOfficialId: string;
    text: string;
    figures: Figure[];
    /** The day the meeting named by `meetingId` was held, as its stream says; absent without a meeting. */
    meetingHeldOn?: LocalDate | null;
  }
>;

export type UnitReportCommand = ReportUnitProgress;
