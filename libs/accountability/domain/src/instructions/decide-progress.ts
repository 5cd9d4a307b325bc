import { type Actor, sameJson } from '@redtape/event-sourcing';
import type { InstructionEvent } from '../accountability-events.js';
import { ReportAlreadyRecorded } from '../errors/rule-errors.js';
import { requirePastOrToday } from '../rules/dates.js';
import { normalizeFigures } from '../rules/figures.js';
import { requireId } from '../rules/ids.js';
import { mayReportAs } from '../rules/reporter.js';
import { requiredProse } from '../rules/text.js';
import { answererOfInstruction } from '../responsibility/who-answers.js';
import type { ReportProgress } from './instruction-commands.js';
import {
  DateBeforeIssueDate,
  InstructionAlreadyCompleted,
  ReportNotByAssignee,
} from './instruction-errors.js';
import { isCompletedStatus, type InstructionDocument, type ProgressReport } from './instruction-state.js';

/**
 * The report is always the answering official's (the assignee, or for an instruction to an authority
 * alone its head in office, see `answererOfInstruction`): an official sends only their own, the
 * Cabinet, admins and loads may record it on that official's behalf.
 */
function mayReport(actor: Actor, byOfficialId: string, assigneeOfficialId: string | null): boolean {
  return (
    assigneeOfficialId !== null && byOfficialId === assigneeOfficialId && mayReportAs(actor, byOfficialId)
  );
}

function reportOf({ data, metadata }: ReportProgress): ProgressReport {
  return {
    reportId: requireId('reportId', data.reportId),
    reportedOn: requirePastOrToday('reportedOn', data.reportedOn, metadata.now),
    byOfficialId: requireId('byOfficialId', data.byOfficialId),
    text: requiredProse('text', data.text),
    figures: normalizeFigures(data.figures ?? []),
  };
}

export function decideProgress(
  command: ReportProgress,
  instruction: InstructionDocument,
): InstructionEvent[] {
  const report = reportOf(command);
  const earlier = instruction.reports.find((r) => r.reportId === report.reportId);
  if (earlier) {
    if (sameJson(report, earlier)) return [];
    throw new ReportAlreadyRecorded(report.reportId);
  }
  const { instructionId, status, completedOn, assigneeOfficialId, issuedOn } = instruction;
  if (isCompletedStatus(status))
    throw new InstructionAlreadyCompleted(command.type, instructionId, status, completedOn);
  const { actor } = command.metadata;
  const answerer = answererOfInstruction(
    assigneeOfficialId,
    command.data.authorityHeadOfficialId ?? undefined,
  );
  if (!mayReport(actor, report.byOfficialId, answerer))
    throw new ReportNotByAssignee(instructionId, answerer, report.byOfficialId, actor.id);
  if (report.reportedOn < issuedOn)
    throw new DateBeforeIssueDate(command.type, 'reportedOn', report.reportedOn, issuedOn);
  return [{ type: 'ProgressReported', data: { instructionId, ...report } }];
}
