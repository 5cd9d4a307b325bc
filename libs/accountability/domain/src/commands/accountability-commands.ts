import type { InstructionCommand } from '../instructions/instruction-commands.js';
import type { MeetingCommand } from '../meetings/meeting-commands.js';
import type { OfficialCommand } from '../officials/official-commands.js';
import type { ResponsibilityCommand } from '../responsibility/responsibility-commands.js';
import type { UnitReportCommand } from '../unit-reports/unit-report-commands.js';

export type AccountabilityCommand =
  OfficialCommand | ResponsibilityCommand | MeetingCommand | InstructionCommand | UnitReportCommand;

export type AccountabilityCommandType = AccountabilityCommand['type'];
