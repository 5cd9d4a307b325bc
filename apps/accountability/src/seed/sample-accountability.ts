/**
 * ILLUSTRATIVE SAMPLE DATA — NOT REAL. Invented heads of the pilot units (no real person is named), the
 * Cabinet meeting of 2026-01-15 with instructions to eliminate duplicative functions and shorten
 * decision times, and some progress reports, to exercise the accountability context end to end.
 */
import {
  instructionStream,
  meetingStream,
  officialStream,
  unitReportStream,
  type AccountabilityCommand,
} from '@redtape/accountability-domain';

export type SampleAccountabilityCommand = Omit<AccountabilityCommand, 'metadata'>;

export interface SampleAccountabilityChange {
  readonly on: string;
  readonly streamId: string;
  readonly reason: string;
  /** Who records it: the Cabinet's secretariat, or the official reporting in person. */
  readonly by: 'cabinet' | { readonly officialId: string; readonly unitId: string };
  readonly command: SampleAccountabilityCommand;
}

const PILOT_HEADS = [
  {
    officialId: 'sample-head-tokmok',
    name: 'Sample Mayor of Tokmok',
    authorityId: 'mayors-office/tokmok',
    unitId: 'city/tokmok',
    title: 'Mayor',
  },
  {
    officialId: 'sample-head-naryn',
    name: 'Sample Mayor of Naryn',
    authorityId: 'mayors-office/naryn',
    unitId: 'city/naryn',
    title: 'Mayor',
  },
  {
    officialId: 'sample-head-nookat',
    name: 'Sample Akim of Nookat',
    authorityId: 'district-akimat/nookat',
    unitId: 'district/nookat',
    title: 'Akim',
  },
  {
    officialId: 'sample-head-batken',
    name: 'Sample Akim of Batken',
    authorityId: 'district-akimat/batken',
    unitId: 'district/batken',
    title: 'Akim',
  },
  {
    officialId: 'sample-head-tup',
    name: 'Sample Akim of Tüp',
    authorityId: 'district-akimat/tup',
    unitId: 'district/tup',
    title: 'Akim',
  },
  {
    officialId: 'sample-head-jalal-abad',
    name: 'Sample Head of Jalal-Abad Region',
    authorityId: 'regional-administration/jalal-abad',
    unitId: 'region/jalal-abad',
    title: 'Plenipotentiary representative',
  },
  {
    officialId: 'sample-head-talas',
    name: 'Sample Head of Talas Region',
    authorityId: 'regional-administration/talas',
    unitId: 'region/talas',
    title: 'Plenipotentiary representative',
  },
] as const;

const MEETING = 'sample-cabinet-2026-01-15';
const ELIMINATE = 'Eliminate duplicative functions in the local authorities of the unit';
const SHORTEN = 'Shorten decision-making timelines of the unit’s procedures';

export const SAMPLE_ACCOUNTABILITY: readonly SampleAccountabilityChange[] = [
  ...PILOT_HEADS.flatMap((head): SampleAccountabilityChange[] => [
    {
      on: '2025-12-01',
      streamId: officialStream(head.officialId),
      reason: 'head of a pilot unit',
      by: 'cabinet',
      command: { type: 'RegisterOfficial', data: { officialId: head.officialId, name: head.name } },
    },
    {
      on: '2025-12-01',
      streamId: officialStream(head.officialId),
      reason: 'head of a pilot unit',
      by: 'cabinet',
      command: {
        type: 'AppointOfficial',
        data: {
          authorityId: head.authorityId,
          unitId: head.unitId,
          title: head.title,
          head: true,
          appointedOn: '2025-12-01',
        },
      },
    },
  ]),
  {
    on: '2026-01-15',
    streamId: meetingStream(MEETING),
    reason: 'debureaucratization moves to the regions',
    by: 'cabinet',
    command: {
      type: 'HoldMeeting',
      data: {
        meetingId: MEETING,
        heldOn: '2026-01-15',
        level: 'CABINET',
        unitId: 'country/kg',
        title: 'Debureaucratization in the regions (illustrative)',
        chair: 'Chairman of the Cabinet of Ministers',
        chairOfficialId: null,
        agenda: ['Progress of stage 1', 'Stage 2: the pilot regions', 'Personal responsibility of akims'],
      },
    },
  },
  ...PILOT_HEADS.flatMap((head, index): SampleAccountabilityChange[] =>
    [ELIMINATE, SHORTEN].map((text, n) => ({
      on: '2026-01-15',
      streamId: instructionStream(`sample-${head.unitId.replace('/', '-')}-${n + 1}`),
      reason: 'instruction of the Cabinet meeting',
      by: 'cabinet',
      command: {
        type: 'IssueInstruction',
        data: {
          instructionId: `sample-${head.unitId.replace('/', '-')}-${n + 1}`,
          meetingId: MEETING,
          text,
          issuedOn: '2026-01-15',
          // Staggered deadlines so the sample shows on time, late and overdue instructions.
          deadline: n === 0 ? '2026-03-01' : index % 2 === 0 ? '2026-06-30' : '2027-01-15',
          assigneeOfficialId: head.officialId,
          authorityId: head.authorityId,
          unitId: head.unitId,
          meetingHeldOn: '2026-01-15',
          assigneeInOffice: true,
        },
      },
    })),
  ),
  {
    on: '2026-02-10',
    streamId: instructionStream('sample-city-tokmok-1'),
    reason: 'progress report',
    by: { officialId: 'sample-head-tokmok', unitId: 'city/tokmok' },
    command: {
      type: 'ReportProgress',
      data: {
        reportId: 'sample-report-tokmok-1',
        reportedOn: '2026-02-10',
        byOfficialId: 'sample-head-tokmok',
        text: 'Construction permits reviewed; three requirements dropped.',
        figures: [{ name: 'requirements removed', value: 3, unit: 'documents' }],
      },
    },
  },
  {
    on: '2026-02-25',
    streamId: instructionStream('sample-city-tokmok-1'),
    reason: 'done',
    by: 'cabinet',
    command: { type: 'CompleteInstruction', data: { completedOn: '2026-02-25' } },
  },
  {
    on: '2026-03-10',
    streamId: instructionStream('sample-district-nookat-1'),
    reason: 'progress report',
    by: { officialId: 'sample-head-nookat', unitId: 'district/nookat' },
    command: {
      type: 'ReportProgress',
      data: {
        reportId: 'sample-report-nookat-1',
        reportedOn: '2026-03-10',
        byOfficialId: 'sample-head-nookat',
        text: 'The land use certificate is now issued by the regional administration only.',
        figures: [{ name: 'duplicative functions eliminated', value: 1, unit: null }],
      },
    },
  },
  {
    on: '2026-03-20',
    streamId: instructionStream('sample-district-nookat-1'),
    reason: 'done, after the deadline',
    by: 'cabinet',
    command: { type: 'CompleteInstruction', data: { completedOn: '2026-03-20' } },
  },
  {
    on: '2026-02-20',
    streamId: unitReportStream('sample-naryn-unit'),
    reason: 'report heard at a regional meeting',
    by: { officialId: 'sample-head-naryn', unitId: 'city/naryn' },
    command: {
      type: 'ReportUnitProgress',
      data: {
        reportId: 'sample-naryn-unit',
        unitId: 'city/naryn',
        meetingId: null,
        reportedOn: '2026-02-20',
        byOfficialId: 'sample-head-naryn',
        text: 'Street trade licences now decided in five days.',
        figures: [{ name: 'decision days cut', value: 15, unit: 'days' }],
      },
    },
  },
];
