/**
 * Sample officials, meetings, instructions and commands for this library's specs: the Cabinet's
 * meeting on debureaucratization in the regions, and the Nookat district akim who answers for the pilot.
 */
import {
  fold,
  type Actor,
  type CommandMetadata,
  type Decider,
  type DomainEvent,
} from '@redtape/event-sourcing';
import type {
  Figure,
  InstructionBecameOverdue,
  InstructionCompleted,
  InstructionEvent,
  InstructionIssued,
  InstructionProgressReported,
  InstructionReassigned,
  MeetingHeld,
  OfficialAppointed,
  OfficialEvent,
  OfficialRegistered,
  OfficialRelievedOfDuties,
  UnitProgressReported,
} from '../accountability-events.js';
import type {
  AccountabilityCommand,
  AccountabilityCommandType,
} from '../commands/accountability-commands.js';
import { instructionDecider } from '../instructions/instruction-decider.js';
import type { InstructionStatus } from '../instructions/instruction-state.js';

export const cabinet: Actor = { id: 'cabinet-secretariat', role: 'cabinet' };
export const admin: Actor = { id: 'admin-1', role: 'admin' };
export const watcher: Actor = { id: 'deadline-watcher', role: 'system' };
export const auditor: Actor = { id: 'auditor-1', role: 'auditor' };
export const akimOfNookat: Actor = { id: 'akim-nookat', role: 'official', unitId: 'district/nookat' };
export const akimOfBatken: Actor = { id: 'akim-batken', role: 'official', unitId: 'district/batken' };

export const RELIEF_REASON = 'Transferred to the Osh regional administration';

export type CommandOf<T extends AccountabilityCommandType> = Extract<AccountabilityCommand, { type: T }>;

/** A command of this type with this data, sent by the Cabinet unless said otherwise. */
export function command<T extends AccountabilityCommandType>(
  type: T,
  data: CommandOf<T>['data'],
  options: { actor?: Actor; reason?: string } = {},
): CommandOf<T> {
  const metadata: CommandMetadata = {
    commandId: 'c-1',
    actor: options.actor ?? cabinet,
    // After every date the specs' stories use: what they record has happened by then.
    now: new Date('2026-12-31T09:00:00Z'),
    ...(options.reason === undefined ? {} : { reason: options.reason }),
  };
  return { type, data, metadata } as unknown as CommandOf<T>;
}

/** The state a decider reaches after these events. */
export function stateAfter<E extends DomainEvent, S>(decider: Decider<never, E, S>, events: readonly E[]): S {
  return fold(decider, decider.initialState(), events);
}

// Officials

export const registered: OfficialRegistered = {
  type: 'OfficialRegistered',
  data: { officialId: 'akim-nookat', name: 'Bakyt Sadykov' },
};

export const appointment: OfficialAppointed['data'] = {
  officialId: 'akim-nookat',
  authorityId: 'district-akimat/nookat',
  unitId: 'district/nookat',
  title: 'Akim',
  head: true,
  appointedOn: '2025-06-02',
};

export const appointed = (changes: Partial<OfficialAppointed['data']> = {}): OfficialAppointed => ({
  type: 'OfficialAppointed',
  data: { ...appointment, ...changes },
});

export const relieved = (
  changes: Partial<OfficialRelievedOfDuties['data']> = {},
): OfficialRelievedOfDuties => ({
  type: 'OfficialRelievedOfDuties',
  data: {
    officialId: 'akim-nookat',
    authorityId: 'district-akimat/nookat',
    unitId: 'district/nookat',
    head: true,
    relievedOn: '2026-04-15',
    ...changes,
  },
});

export const inOffice: readonly OfficialEvent[] = [registered, appointed()];

// Meetings

export const cabinetMeeting: MeetingHeld['data'] = {
  meetingId: 'cabinet-2026-02-10',
  heldOn: '2026-02-10',
  level: 'CABINET',
  unitId: 'country/kg',
  title: 'Debureaucratization in the regions',
  chair: 'Chairman of the Cabinet of Ministers',
  chairOfficialId: null,
  agenda: ['Pilot in Tokmok, Naryn, Nookat, Batken, Tyup, Jalal-Abad and Talas', 'Reports on progress'],
};

export const meetingHeld: MeetingHeld = { type: 'MeetingHeld', data: cabinetMeeting };

// Instructions

export const instruction: InstructionIssued['data'] = {
  instructionId: 'nookat-duplicate-functions',
  meetingId: 'cabinet-2026-02-10',
  text: 'Eliminate duplicative functions and shorten decision-making timelines in the district',
  issuedOn: '2026-02-10',
  deadline: '2026-03-31',
  assigneeOfficialId: 'akim-nookat',
  authorityId: 'district-akimat/nookat',
  unitId: 'district/nookat',
};

export const issued = (changes: Partial<InstructionIssued['data']> = {}): InstructionIssued => ({
  type: 'InstructionIssued',
  data: { ...instruction, ...changes },
});

/** Issue command data that is accepted on an empty stream: the meeting exists and the assignee is in office. */
export const issue = (changes: Partial<CommandOf<'IssueInstruction'>['data']> = {}) =>
  command('IssueInstruction', {
    ...instruction,
    meetingHeldOn: cabinetMeeting.heldOn,
    assigneeInOffice: true,
    ...changes,
  });

export const requirementsRemoved: Figure = { name: 'requirements removed', value: 3, unit: 'documents' };

export const report = {
  reportId: 'nookat-report-1',
  reportedOn: '2026-03-02',
  byOfficialId: 'akim-nookat',
  text: 'Two duplicative permits merged; the decision time for land use cut to 10 days',
  figures: [requirementsRemoved],
};

export const progressReported = (changes: Partial<typeof report> = {}): InstructionProgressReported => ({
  type: 'ProgressReported',
  data: { instructionId: instruction.instructionId, ...report, ...changes },
});

export const completed = (completedOn = '2026-03-20', late = false): InstructionCompleted => ({
  type: 'InstructionCompleted',
  data: { instructionId: instruction.instructionId, completedOn, late },
});

export const becameOverdue = (detectedOn = '2026-04-01'): InstructionBecameOverdue => ({
  type: 'InstructionBecameOverdue',
  data: { instructionId: instruction.instructionId, deadline: instruction.deadline, detectedOn },
});

export const reassigned = (
  toOfficialId = 'deputy-akim-nookat',
  fromOfficialId: string | null = 'akim-nookat',
  reassignedOn = '2026-03-05',
): InstructionReassigned => ({
  type: 'InstructionReassigned',
  data: { instructionId: instruction.instructionId, fromOfficialId, toOfficialId, reassignedOn },
});

/** The instruction's status after these events, or null when they issue none. */
export function statusAfterHistory(events: readonly InstructionEvent[]): InstructionStatus | null {
  const state = stateAfter(instructionDecider, events);
  return state.status === 'issued' ? state.instruction.status : null;
}

/** Histories that leave the instruction in each status. */
export const INSTRUCTION_HISTORY = {
  ISSUED: [issued()],
  IN_PROGRESS: [issued(), progressReported()],
  OVERDUE: [issued(), progressReported(), becameOverdue()],
  COMPLETED: [issued(), progressReported(), completed()],
  COMPLETED_LATE: [issued(), becameOverdue(), completed('2026-04-10', true)],
} as const satisfies Record<string, readonly InstructionEvent[]>;

// Unit progress reports

export const unitReport: UnitProgressReported['data'] = {
  reportId: 'nookat-2026-q1',
  unitId: 'district/nookat',
  meetingId: 'cabinet-2026-02-10',
  reportedOn: '2026-02-10',
  byOfficialId: 'akim-nookat',
  text: 'Of 48 district procedures, 9 were abolished and 12 simplified',
  figures: [
    { name: 'procedures abolished', value: 9, unit: 'procedures' },
    { name: 'procedures simplified', value: 12, unit: 'procedures' },
  ],
};
