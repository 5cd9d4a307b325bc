import { type Decider, sameJson } from '@redtape/event-sourcing';
import type { UnitProgressReported, UnitReportEvent } from '../accountability-events.js';
import { ReportAlreadyRecorded } from '../errors/rule-errors.js';
import { requirePastOrToday } from '../rules/dates.js';
import { normalizeFigures } from '../rules/figures.js';
import { optionalId, requireId } from '../rules/ids.js';
import { mayReportAs } from '../rules/reporter.js';
import { requiredProse, requiredText } from '../rules/text.js';
import type { ReportUnitProgress, UnitReportCommand } from './unit-report-commands.js';
import {
  ReportAfterMeeting,
  ReportInAnotherOfficialsName,
  ReportMeetingUnknown,
} from './unit-report-errors.js';

export type UnitReportDocument = UnitProgressReported['data'];

export type UnitReportState = { status: 'not-reported' } | { status: 'reported'; report: UnitReportDocument };

export const initialUnitReportState = (): UnitReportState => ({ status: 'not-reported' });

export function evolveUnitReport(_state: UnitReportState, event: UnitReportEvent): UnitReportState {
  switch (event.type) {
    case 'UnitProgressReported':
      return { status: 'reported', report: event.data };
  }
}

/** The report as it will be recorded: every part checked and trimmed. */
function reportOf({ data, metadata }: ReportUnitProgress): UnitReportDocument {
  return {
    reportId: requireId('reportId', data.reportId),
    unitId: requiredText('unitId', data.unitId),
    meetingId: optionalId('meetingId', data.meetingId),
    reportedOn: requirePastOrToday('reportedOn', data.reportedOn, metadata.now),
    byOfficialId: requireId('byOfficialId', data.byOfficialId),
    text: requiredProse('text', data.text),
    figures: normalizeFigures(data.figures ?? []),
  };
}

/** A report on a unit's reform as a whole (`progress-report-<reportId>`): recorded once, never edited. */
export const unitReportDecider: Decider<UnitReportCommand, UnitReportEvent, UnitReportState> = {
  initialState: initialUnitReportState,
  evolve: evolveUnitReport,

  decide(command, state): UnitReportEvent[] {
    switch (command.type) {
      case 'ReportUnitProgress': {
        const report = reportOf(command);
        if (state.status === 'reported') {
          if (sameJson(report, state.report)) return [];
          throw new ReportAlreadyRecorded(report.reportId);
        }
        const { actor } = command.metadata;
        if (!mayReportAs(actor, report.byOfficialId))
          throw new ReportInAnotherOfficialsName(report.byOfficialId, actor.id);
        if (report.meetingId !== null) {
          const heldOn = command.data.meetingHeldOn;
          if (heldOn === undefined || heldOn === null) throw new ReportMeetingUnknown(report.meetingId);
          if (report.reportedOn > heldOn)
            throw new ReportAfterMeeting(report.meetingId, heldOn, report.reportedOn);
        }
        return [{ type: 'UnitProgressReported', data: report }];
      }
    }
  },
};
