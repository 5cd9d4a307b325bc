import { describe, expect, it } from '@jest/globals';
import { proceduresIntegrationEvents } from './integration-events.js';
import {
  PROCEDURE_EVENT_TYPES,
  procedureStream,
  type ProcedureEvent,
  type Requirement,
  type Step,
} from './procedure-events.js';

type Sample<T extends ProcedureEvent['type']> = {
  data: Extract<ProcedureEvent, { type: T }>['data'];
  expected: Record<string, unknown>;
};

const procedureId = 'nookat-trade-permit';
const streamId = procedureStream(procedureId);

const passportCopy: Requirement = {
  requirementId: 'passport-copy',
  name: 'Copy of passport',
  originals: 0,
  copies: 1,
  note: null,
};
const taxCertificate: Requirement = {
  requirementId: 'tax-certificate',
  name: 'Tax clearance certificate',
  originals: 1,
  copies: 0,
  note: 'issued within the last 30 days',
};
const apply: Step = { stepId: 'apply', description: 'Submit the application', office: 'Service window' };
const inspect: Step = { stepId: 'inspect', description: 'Inspect the trading place', office: null };

/** One stored event of every type and exactly what analytics receive for it (before the common part). */
const samples: { [T in ProcedureEvent['type']]: Sample<T> } = {
  ProcedureRegistered: {
    data: {
      procedureId,
      authorityId: 'district-akimat/nookat',
      unitId: 'district/nookat',
      level: 'DISTRICT',
      title: 'Permit for street trade',
      category: 'trade',
      requirements: [passportCopy, taxCertificate],
      steps: [apply, inspect],
      decisionDays: 30,
      fee: { tyiyn: 50_000, currency: 'KGS' },
      legalBasis: 'Decision of the Nookat district akimat No. 12',
      status: 'DRAFT',
    },
    expected: {
      procedureId,
      authorityId: 'district-akimat/nookat',
      unitId: 'district/nookat',
      level: 'DISTRICT',
      title: 'Permit for street trade',
      category: 'trade',
      requirements: [
        { requirementId: 'passport-copy', name: 'Copy of passport', originals: 0, copies: 1, note: null },
        {
          requirementId: 'tax-certificate',
          name: 'Tax clearance certificate',
          originals: 1,
          copies: 0,
          note: 'issued within the last 30 days',
        },
      ],
      steps: [
        { stepId: 'apply', description: 'Submit the application', office: 'Service window' },
        { stepId: 'inspect', description: 'Inspect the trading place', office: null },
      ],
      decisionDays: 30,
      fee: { amountTyiyn: 50_000, currency: 'KGS' },
      procedureLegalBasis: 'Decision of the Nookat district akimat No. 12',
      status: 'DRAFT',
    },
  },
  ProcedureActivated: { data: {}, expected: { procedureId, status: 'ACTIVE' } },
  RequirementAdded: {
    data: { requirement: taxCertificate },
    expected: {
      procedureId,
      requirement: {
        requirementId: 'tax-certificate',
        name: 'Tax clearance certificate',
        originals: 1,
        copies: 0,
        note: 'issued within the last 30 days',
      },
    },
  },
  RequirementRemoved: {
    data: { requirementId: 'passport-copy', name: 'Copy of passport' },
    expected: { procedureId, requirementId: 'passport-copy', requirementName: 'Copy of passport' },
  },
  RequirementReplaced: {
    data: { before: taxCertificate, after: { ...taxCertificate, originals: 0, copies: 1, note: null } },
    expected: {
      procedureId,
      requirementId: 'tax-certificate',
      previousRequirement: {
        requirementId: 'tax-certificate',
        name: 'Tax clearance certificate',
        originals: 1,
        copies: 0,
        note: 'issued within the last 30 days',
      },
      requirement: {
        requirementId: 'tax-certificate',
        name: 'Tax clearance certificate',
        originals: 0,
        copies: 1,
        note: null,
      },
    },
  },
  StepAdded: {
    data: { step: inspect, position: 1 },
    expected: {
      procedureId,
      step: { stepId: 'inspect', description: 'Inspect the trading place', office: null },
      position: 1,
    },
  },
  StepRemoved: {
    data: { stepId: 'inspect', description: 'Inspect the trading place' },
    expected: { procedureId, stepId: 'inspect', stepDescription: 'Inspect the trading place' },
  },
  StepsReordered: {
    data: { from: ['apply', 'inspect', 'decide'], to: ['apply', 'decide', 'inspect'] },
    expected: {
      procedureId,
      previousStepIds: ['apply', 'inspect', 'decide'],
      stepIds: ['apply', 'decide', 'inspect'],
    },
  },
  DecisionTimeChanged: {
    data: { from: 30, to: 10 },
    expected: { procedureId, previousDecisionDays: 30, decisionDays: 10 },
  },
  FeeChanged: {
    data: { from: { tyiyn: 50_000, currency: 'KGS' }, to: null },
    expected: { procedureId, previousFee: { amountTyiyn: 50_000, currency: 'KGS' }, fee: null },
  },
  LegalBasisChanged: {
    data: { from: null, to: 'Decision of the Nookat district akimat No. 31' },
    expected: {
      procedureId,
      previousProcedureLegalBasis: null,
      procedureLegalBasis: 'Decision of the Nookat district akimat No. 31',
    },
  },
  ReviewStarted: {
    data: { from: 'ACTIVE' },
    expected: { procedureId, previousStatus: 'ACTIVE', status: 'UNDER_REVIEW' },
  },
  ReviewFinished: { data: { outcome: 'SIMPLIFIED' }, expected: { procedureId, status: 'SIMPLIFIED' } },
  ProcedureMarkedDuplicate: {
    data: { duplicateOf: 'batken-trade-permit' },
    expected: { procedureId, duplicateOfProcedureId: 'batken-trade-permit' },
  },
  ProcedureMerged: {
    data: { into: 'batken-trade-permit', from: 'UNDER_REVIEW' },
    expected: {
      procedureId,
      mergedIntoProcedureId: 'batken-trade-permit',
      previousStatus: 'UNDER_REVIEW',
      status: 'MERGED',
    },
  },
  ProcedureAbolished: {
    data: { from: 'SIMPLIFIED' },
    expected: { procedureId, previousStatus: 'SIMPLIFIED', status: 'ABOLISHED' },
  },
  ProcedureReinstated: { data: { to: 'ACTIVE' }, expected: { procedureId, status: 'ACTIVE' } },
};

const sampleOf = (type: ProcedureEvent['type']): { data: ProcedureEvent['data']; expected: unknown } =>
  samples[type];

describe('the procedures integration events', () => {
  it('map every event type the context publishes, and nothing else', () =>
    expect(Object.keys(proceduresIntegrationEvents).sort()).toEqual([...PROCEDURE_EVENT_TYPES].sort()));

  it.each(PROCEDURE_EVENT_TYPES)('publish %s as version 1', (type) =>
    expect(proceduresIntegrationEvents[type].version).toBe(1),
  );

  it.each(PROCEDURE_EVENT_TYPES)('map a stored %s field by field', (type) => {
    const { data, expected } = sampleOf(type);
    expect(proceduresIntegrationEvents[type].map({ streamId, data })).toStrictEqual(expected);
  });

  it.each(PROCEDURE_EVENT_TYPES)('let no field of a stored %s out that the mapping does not name', (type) => {
    const { data, expected } = sampleOf(type);
    const withExtra = { ...data, internalNote: 'for the decider only' };
    expect(proceduresIntegrationEvents[type].map({ streamId, data: withExtra })).toStrictEqual(expected);
  });

  it("name the procedure's own legal basis apart from the legal basis the relay adds for the change", () => {
    const { data } = samples.ProcedureRegistered;
    expect(proceduresIntegrationEvents.ProcedureRegistered.map({ streamId, data })).not.toHaveProperty(
      'legalBasis',
    );
  });
});
