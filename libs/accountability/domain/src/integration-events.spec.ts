import { describe, expect, it } from '@jest/globals';
import {
  instructionStream,
  meetingStream,
  officialStream,
  procedureResponsibilityStream,
  unitReportStream,
  type AccountabilityEvent,
} from './accountability-events.js';
import { accountabilityIntegrationEvents } from './integration-events.js';

/** Every event type of the context, checked against the event union by the compiler. */
const ACCOUNTABILITY_EVENT_TYPES = Object.keys({
  OfficialRegistered: true,
  OfficialAppointed: true,
  OfficialRelievedOfDuties: true,
  ResponsibilityAssigned: true,
  MeetingHeld: true,
  InstructionIssued: true,
  ProgressReported: true,
  InstructionCompleted: true,
  InstructionBecameOverdue: true,
  InstructionReassigned: true,
  UnitProgressReported: true,
} satisfies Record<AccountabilityEvent['type'], true>) as AccountabilityEvent['type'][];

type Sample<T extends AccountabilityEvent['type']> = {
  streamId: string;
  data: Extract<AccountabilityEvent, { type: T }>['data'];
  expected: Record<string, unknown>;
};

const figure = { name: 'requirements removed', value: 3, unit: 'documents' };

/** One stored event of every type and exactly what analytics receive for it (before the common part). */
const samples: { [T in AccountabilityEvent['type']]: Sample<T> } = {
  OfficialRegistered: {
    streamId: officialStream('akim-nookat'),
    data: { officialId: 'akim-nookat', name: 'A. Toktogulov' },
    expected: { officialId: 'akim-nookat', name: 'A. Toktogulov' },
  },
  OfficialAppointed: {
    streamId: officialStream('akim-nookat'),
    data: {
      officialId: 'akim-nookat',
      authorityId: 'district-akimat/nookat',
      unitId: 'district/nookat',
      title: 'Akim',
      head: true,
      appointedOn: '2025-06-01',
    },
    expected: {
      officialId: 'akim-nookat',
      authorityId: 'district-akimat/nookat',
      unitId: 'district/nookat',
      title: 'Akim',
      head: true,
      appointedOn: '2025-06-01',
    },
  },
  OfficialRelievedOfDuties: {
    streamId: officialStream('akim-nookat'),
    data: {
      officialId: 'akim-nookat',
      authorityId: 'district-akimat/nookat',
      unitId: 'district/nookat',
      head: true,
      relievedOn: '2026-04-15',
    },
    expected: {
      officialId: 'akim-nookat',
      authorityId: 'district-akimat/nookat',
      unitId: 'district/nookat',
      head: true,
      relievedOn: '2026-04-15',
    },
  },
  ResponsibilityAssigned: {
    streamId: procedureResponsibilityStream('nookat-trade-permit'),
    data: {
      subject: 'PROCEDURE',
      subjectId: 'nookat-trade-permit',
      officialId: 'deputy-akim-nookat',
      assignedOn: '2026-02-12',
      previousOfficialId: 'akim-nookat',
    },
    expected: {
      procedureId: 'nookat-trade-permit',
      officialId: 'deputy-akim-nookat',
      previousOfficialId: 'akim-nookat',
      assignedOn: '2026-02-12',
    },
  },
  MeetingHeld: {
    streamId: meetingStream('cabinet-2026-02-10'),
    data: {
      meetingId: 'cabinet-2026-02-10',
      heldOn: '2026-02-10',
      level: 'CABINET',
      unitId: 'country/kg',
      title: 'Debureaucratization in the regions',
      chair: 'Chairman of the Cabinet of Ministers',
      chairOfficialId: null,
      agenda: ['Pilot in the regions', 'Reports on progress'],
    },
    expected: {
      meetingId: 'cabinet-2026-02-10',
      heldOn: '2026-02-10',
      level: 'CABINET',
      unitId: 'country/kg',
      title: 'Debureaucratization in the regions',
      chairName: 'Chairman of the Cabinet of Ministers',
      chairOfficialId: null,
      agenda: ['Pilot in the regions', 'Reports on progress'],
    },
  },
  InstructionIssued: {
    streamId: instructionStream('nookat-duplicate-functions'),
    data: {
      instructionId: 'nookat-duplicate-functions',
      meetingId: 'cabinet-2026-02-10',
      text: 'Eliminate duplicative functions in the district',
      issuedOn: '2026-02-10',
      deadline: '2026-03-31',
      assigneeOfficialId: null,
      authorityId: 'district-akimat/nookat',
      unitId: 'district/nookat',
    },
    expected: {
      instructionId: 'nookat-duplicate-functions',
      meetingId: 'cabinet-2026-02-10',
      text: 'Eliminate duplicative functions in the district',
      issuedOn: '2026-02-10',
      deadline: '2026-03-31',
      assigneeOfficialId: null,
      authorityId: 'district-akimat/nookat',
      unitId: 'district/nookat',
    },
  },
  ProgressReported: {
    streamId: instructionStream('nookat-duplicate-functions'),
    data: {
      instructionId: 'nookat-duplicate-functions',
      reportId: 'nookat-report-1',
      reportedOn: '2026-03-02',
      byOfficialId: 'akim-nookat',
      text: 'Two duplicative permits merged',
      figures: [figure, { name: 'permits merged', value: 2, unit: null }],
    },
    expected: {
      instructionId: 'nookat-duplicate-functions',
      reportId: 'nookat-report-1',
      reportedOn: '2026-03-02',
      reportedByOfficialId: 'akim-nookat',
      text: 'Two duplicative permits merged',
      figures: [
        { name: 'requirements removed', value: 3, unit: 'documents' },
        { name: 'permits merged', value: 2, unit: null },
      ],
    },
  },
  InstructionCompleted: {
    streamId: instructionStream('nookat-duplicate-functions'),
    data: { instructionId: 'nookat-duplicate-functions', completedOn: '2026-04-10', late: true },
    expected: { instructionId: 'nookat-duplicate-functions', completedOn: '2026-04-10', late: true },
  },
  InstructionBecameOverdue: {
    streamId: instructionStream('nookat-duplicate-functions'),
    data: { instructionId: 'nookat-duplicate-functions', deadline: '2026-03-31', detectedOn: '2026-04-01' },
    expected: {
      instructionId: 'nookat-duplicate-functions',
      deadline: '2026-03-31',
      detectedOn: '2026-04-01',
    },
  },
  InstructionReassigned: {
    streamId: instructionStream('nookat-duplicate-functions'),
    data: {
      instructionId: 'nookat-duplicate-functions',
      fromOfficialId: null,
      toOfficialId: 'deputy-akim-nookat',
      reassignedOn: '2026-03-05',
    },
    expected: {
      instructionId: 'nookat-duplicate-functions',
      previousAssigneeOfficialId: null,
      assigneeOfficialId: 'deputy-akim-nookat',
      reassignedOn: '2026-03-05',
    },
  },
  UnitProgressReported: {
    streamId: unitReportStream('nookat-2026-q1'),
    data: {
      reportId: 'nookat-2026-q1',
      unitId: 'district/nookat',
      meetingId: null,
      reportedOn: '2026-03-31',
      byOfficialId: 'akim-nookat',
      text: 'First quarter of the pilot',
      figures: [figure],
    },
    expected: {
      reportId: 'nookat-2026-q1',
      unitId: 'district/nookat',
      meetingId: null,
      reportedOn: '2026-03-31',
      reportedByOfficialId: 'akim-nookat',
      text: 'First quarter of the pilot',
      figures: [{ name: 'requirements removed', value: 3, unit: 'documents' }],
    },
  },
};

const sampleOf = (
  type: AccountabilityEvent['type'],
): { streamId: string; data: AccountabilityEvent['data']; expected: unknown } => samples[type];

describe('the accountability integration events', () => {
  it('map every event type the context publishes, and nothing else', () =>
    expect(Object.keys(accountabilityIntegrationEvents).sort()).toEqual(
      [...ACCOUNTABILITY_EVENT_TYPES].sort(),
    ));

  it.each(ACCOUNTABILITY_EVENT_TYPES)('publish %s as version 1', (type) =>
    expect(accountabilityIntegrationEvents[type].version).toBe(1),
  );

  it.each(ACCOUNTABILITY_EVENT_TYPES)('map a stored %s field by field', (type) => {
    const { streamId, data, expected } = sampleOf(type);
    expect(accountabilityIntegrationEvents[type].map({ streamId, data })).toStrictEqual(expected);
  });

  it.each(ACCOUNTABILITY_EVENT_TYPES)(
    'let no field of a stored %s out that the mapping does not name',
    (type) => {
      const { streamId, data, expected } = sampleOf(type);
      const withExtra = { ...data, issued: { instructionId: 'a copy kept for the decider' } };
      expect(accountabilityIntegrationEvents[type].map({ streamId, data: withExtra })).toStrictEqual(
        expected,
      );
    },
  );
});
