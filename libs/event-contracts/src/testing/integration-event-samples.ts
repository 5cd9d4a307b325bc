/**
 * Stored events of every type of every context, typed against each context's event union so that a
 * new event type fails to compile here until it has samples. Several samples of a type exercise the
 * nullable and optional branches of its schema.
 */
import type { AccountabilityEvent } from '@redtape/accountability-domain';
import type { ProcedureEvent } from '@redtape/procedures-domain';
import type { RegionsEvent } from '@redtape/regions-domain';
import type { IntegrationContext } from '../index.js';

type StoredSample<E extends { type: string; data: object }, T extends E['type']> = {
  readonly streamId: string;
  readonly data: Extract<E, { type: T }>['data'];
};
type SamplesOf<E extends { type: string; data: object }> = {
  readonly [T in E['type']]: readonly [StoredSample<E, T>, ...StoredSample<E, T>[]];
};

const names = { en: 'Talas', ru: 'Таласская область', ky: 'Талас облусу' };

const regions: SamplesOf<RegionsEvent> = {
  UnitRegistered: [
    {
      streamId: 'unit-region/talas',
      data: {
        unitId: 'region/talas',
        kind: 'REGION',
        category: 'region',
        names,
        isoCode: 'KG-T',
        soate: '41707000000000',
        parentId: 'country/kg',
        aliases: ['Talas oblast'],
        dataQuality: [{ field: 'soate', note: 'from third-party data' }],
        notes: "'Talas' is also a city, a district and a river.",
      },
    },
    {
      streamId: 'unit-country/kg',
      data: {
        unitId: 'country/kg',
        kind: 'COUNTRY',
        category: 'country',
        names: { en: 'Kyrgyzstan' },
        isoCode: null,
        soate: null,
        parentId: null,
        aliases: [],
        dataQuality: [],
        notes: null,
      },
    },
  ],
  UnitRenamed: [
    {
      streamId: 'unit-city/jalal-abad',
      data: { from: { en: 'Jalal-Abad' }, to: { en: 'Manas', ky: 'Манас' } },
    },
  ],
  UnitEnrolledInPilot: [{ streamId: 'unit-city/tokmok', data: { stage: 2, enrolledOn: '2026-01-15' } }],
  UnitWithdrawnFromPilot: [{ streamId: 'unit-district/tup', data: { stage: 2, withdrawnOn: '2026-03-02' } }],
  AuthorityEstablished: [
    {
      streamId: 'authority-district-akimat/nookat',
      data: {
        authorityId: 'district-akimat/nookat',
        unitId: 'district/nookat',
        kind: 'DISTRICT_AKIMAT',
        level: 'DISTRICT',
        name: 'Nookat District Akimat',
        names: { en: 'Nookat District Akimat' },
      },
    },
  ],
  ReformStageStarted: [
    {
      streamId: 'reform-stage-1',
      data: {
        stage: 1,
        title: 'Central government bodies',
        scope: 'CENTRAL',
        startedOn: null,
        note: 'No date.',
      },
    },
    {
      streamId: 'reform-stage-2',
      data: { stage: 2, title: 'The regions', scope: 'REGIONAL', startedOn: '2026-01-15', note: null },
    },
  ],
};

const procedure = 'procedure-nookat-trade-permit';
const passportCopy = {
  requirementId: 'passport-copy',
  name: 'Copy of passport',
  originals: 0,
  copies: 1,
  note: null,
};
const taxCertificate = {
  requirementId: 'tax-certificate',
  name: 'Tax clearance certificate',
  originals: 1,
  copies: 0,
  note: 'issued within the last 30 days',
};
const inspect = { stepId: 'inspect', description: 'Inspect the trading place', office: null };

const procedures: SamplesOf<ProcedureEvent> = {
  ProcedureRegistered: [
    {
      streamId: procedure,
      data: {
        procedureId: 'nookat-trade-permit',
        authorityId: 'district-akimat/nookat',
        unitId: 'district/nookat',
        level: 'DISTRICT',
        title: 'Permit for street trade',
        category: 'trade',
        requirements: [passportCopy, taxCertificate],
        steps: [
          { stepId: 'apply', description: 'Submit the application', office: 'Service window' },
          inspect,
        ],
        decisionDays: 30,
        fee: { tyiyn: 50_000, currency: 'KGS' },
        legalBasis: 'Decision of the Nookat district akimat No. 12',
        status: 'ACTIVE',
      },
    },
    {
      streamId: 'procedure-batken-trade-permit',
      data: {
        procedureId: 'batken-trade-permit',
        authorityId: 'district-akimat/batken',
        unitId: 'district/batken',
        level: 'DISTRICT',
        title: 'Permit for street trade',
        category: 'trade',
        requirements: [],
        steps: [],
        decisionDays: 1,
        fee: null,
        legalBasis: null,
        status: 'DRAFT',
      },
    },
  ],
  ProcedureActivated: [{ streamId: procedure, data: {} }],
  RequirementAdded: [{ streamId: procedure, data: { requirement: taxCertificate } }],
  RequirementRemoved: [
    { streamId: procedure, data: { requirementId: 'passport-copy', name: 'Copy of passport' } },
  ],
  RequirementReplaced: [
    {
      streamId: procedure,
      data: { before: taxCertificate, after: { ...taxCertificate, copies: 1, note: null } },
    },
  ],
  StepAdded: [{ streamId: procedure, data: { step: inspect, position: 0 } }],
  StepRemoved: [
    { streamId: procedure, data: { stepId: 'inspect', description: 'Inspect the trading place' } },
  ],
  StepsReordered: [{ streamId: procedure, data: { from: ['apply', 'inspect'], to: ['inspect', 'apply'] } }],
  DecisionTimeChanged: [{ streamId: procedure, data: { from: 30, to: 10 } }],
  FeeChanged: [
    { streamId: procedure, data: { from: { tyiyn: 50_000, currency: 'KGS' }, to: null } },
    { streamId: procedure, data: { from: null, to: { tyiyn: 0, currency: 'KGS' } } },
  ],
  LegalBasisChanged: [
    { streamId: procedure, data: { from: null, to: 'Decision No. 31' } },
    { streamId: procedure, data: { from: 'Decision No. 31', to: null } },
  ],
  ReviewStarted: [{ streamId: procedure, data: { from: 'SIMPLIFIED' } }],
  ReviewFinished: [
    { streamId: procedure, data: { outcome: 'SIMPLIFIED' } },
    { streamId: procedure, data: { outcome: 'ACTIVE' } },
  ],
  ProcedureMarkedDuplicate: [{ streamId: procedure, data: { duplicateOf: 'batken-trade-permit' } }],
  ProcedureMerged: [{ streamId: procedure, data: { into: 'batken-trade-permit', from: 'UNDER_REVIEW' } }],
  ProcedureAbolished: [{ streamId: procedure, data: { from: 'DRAFT' } }],
  ProcedureReinstated: [{ streamId: procedure, data: { to: 'ACTIVE' } }],
};

const instruction = 'instruction-nookat-duplicate-functions';
const instructionId = 'nookat-duplicate-functions';

const accountability: SamplesOf<AccountabilityEvent> = {
  OfficialRegistered: [
    { streamId: 'official-akim-nookat', data: { officialId: 'akim-nookat', name: 'A. Toktogulov' } },
  ],
  OfficialAppointed: [
    {
      streamId: 'official-akim-nookat',
      data: {
        officialId: 'akim-nookat',
        authorityId: 'district-akimat/nookat',
        unitId: 'district/nookat',
        title: 'Akim',
        head: true,
        appointedOn: '2025-06-01',
      },
    },
  ],
  OfficialRelievedOfDuties: [
    {
      streamId: 'official-akim-nookat',
      data: {
        officialId: 'akim-nookat',
        authorityId: 'district-akimat/nookat',
        unitId: 'district/nookat',
        head: false,
        relievedOn: '2026-04-15',
      },
    },
  ],
  ResponsibilityAssigned: [
    {
      streamId: 'responsibility-procedure-nookat-trade-permit',
      data: {
        subject: 'PROCEDURE',
        subjectId: 'nookat-trade-permit',
        officialId: 'akim-nookat',
        assignedOn: '2026-02-12',
        previousOfficialId: null,
      },
    },
  ],
  MeetingHeld: [
    {
      streamId: 'meeting-cabinet-2026-02-10',
      data: {
        meetingId: 'cabinet-2026-02-10',
        heldOn: '2026-02-10',
        level: 'CABINET',
        unitId: 'country/kg',
        title: 'Debureaucratization in the regions',
        chair: 'Chairman of the Cabinet of Ministers',
        chairOfficialId: null,
        agenda: ['Pilot in the regions'],
      },
    },
    {
      streamId: 'meeting-talas-2026-03-01',
      data: {
        meetingId: 'talas-2026-03-01',
        heldOn: '2026-03-01',
        level: 'REGIONAL',
        unitId: 'region/talas',
        title: 'Pilot progress in Talas',
        chair: 'Governor of Talas Region',
        chairOfficialId: 'governor-talas',
        agenda: [],
      },
    },
  ],
  InstructionIssued: [
    {
      streamId: instruction,
      data: {
        instructionId,
        meetingId: 'cabinet-2026-02-10',
        text: 'Eliminate duplicative functions in the district',
        issuedOn: '2026-02-10',
        deadline: '2026-03-31',
        assigneeOfficialId: 'akim-nookat',
        authorityId: null,
        unitId: 'district/nookat',
      },
    },
    {
      streamId: instruction,
      data: {
        instructionId,
        meetingId: null,
        text: 'Shorten decision-making timelines',
        issuedOn: '2026-02-10',
        deadline: '2026-03-31',
        assigneeOfficialId: null,
        authorityId: 'district-akimat/nookat',
        unitId: 'district/nookat',
      },
    },
  ],
  ProgressReported: [
    {
      streamId: instruction,
      data: {
        instructionId,
        reportId: 'nookat-report-1',
        reportedOn: '2026-03-02',
        byOfficialId: 'akim-nookat',
        text: 'Two duplicative permits merged',
        figures: [
          { name: 'requirements removed', value: 3, unit: 'documents' },
          { name: 'share of procedures simplified', value: 0.25, unit: null },
        ],
      },
    },
  ],
  InstructionCompleted: [
    { streamId: instruction, data: { instructionId, completedOn: '2026-03-20', late: false } },
  ],
  InstructionBecameOverdue: [
    { streamId: instruction, data: { instructionId, deadline: '2026-03-31', detectedOn: '2026-04-01' } },
  ],
  InstructionReassigned: [
    {
      streamId: instruction,
      data: {
        instructionId,
        fromOfficialId: 'akim-nookat',
        toOfficialId: 'deputy-akim-nookat',
        reassignedOn: '2026-03-05',
      },
    },
  ],
  UnitProgressReported: [
    {
      streamId: 'progress-report-nookat-2026-q1',
      data: {
        reportId: 'nookat-2026-q1',
        unitId: 'district/nookat',
        meetingId: 'cabinet-2026-02-10',
        reportedOn: '2026-03-31',
        byOfficialId: 'akim-nookat',
        text: 'First quarter of the pilot',
        figures: [],
      },
    },
  ],
};

export type StoredEventSample = {
  readonly streamId: string;
  readonly data: RegionsEvent['data'] | ProcedureEvent['data'] | AccountabilityEvent['data'];
};

/** Stored samples by context and event type. */
export const STORED_SAMPLES: {
  readonly [C in IntegrationContext]: Readonly<Record<string, readonly StoredEventSample[]>>;
} = { regions, procedures, accountability };

/**
 * What the relay adds to every integration event (libs/kafka-relay `withCommonPart`): for an
 * official's command with a reason and a legal basis, and for a system load that gave neither, which
 * the relay then leaves out.
 */
export const COMMON_PARTS = [
  {
    actor: { id: 'akim-nookat', role: 'official', unitId: 'district/nookat' },
    reason: 'Nookat pilot: cutting requirements the district does not need',
    legalBasis: 'Cabinet of Ministers meeting of 2026-01-15',
    occurredAt: '2026-02-01T09:00:00.000Z',
  },
  { actor: { id: 'system', role: 'system' }, occurredAt: '2026-01-15T00:00:00Z' },
] as const;
