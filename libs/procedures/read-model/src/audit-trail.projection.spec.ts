import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { collect } from '@redtape/event-store';
import { physicalTable } from '@redtape/projections';
import { PROCEDURE_STREAMS } from '@redtape/procedures-domain';
import { auditTrailProjection } from './audit-trail.projection.js';
import { ReadModelFixture, READ_SIDE_PROJECTIONS, tableContents } from './testing/read-model-fixture.js';
import {
  CABINET_OFFICER,
  ProceduresHistory,
  requirement,
  som,
  step,
  TOKMOK_OFFICIAL,
  type Registration,
} from './testing/procedures-history.js';

let fixture: ReadModelFixture;
let history: ProceduresHistory;

afterEach(() => fixture.dispose());

const REQUIREMENTS = [
  requirement('application', 'Application form'),
  requirement('passport', 'Copy of passport', 1),
  requirement('registration', 'Certificate of state registration', 1),
  requirement('tax-certificate', 'Certificate of no tax debts'),
  requirement('lease', 'Lease agreement for the premises', 1),
  requirement('sanitary', 'Sanitary-epidemiological conclusion'),
];
const STEPS = [step('submit', 'Submit the application'), step('decide', 'The commission decides')];

const CONSTRUCTION: Registration = {
  procedureId: 'tokmok-construction-permit',
  authorityId: 'mayors-office/tokmok',
  unitId: 'city/tokmok',
  level: 'CITY',
  title: 'Permit for construction of a commercial building',
  category: 'construction',
  requirements: REQUIREMENTS,
  steps: STEPS,
  decisionDays: 30,
  fee: som(1_000),
  legalBasis: 'Tokmok city council resolution No. 7',
};

/** Register (6 requirements, 30 days), remove 2 requirements, shorten the decision time to 10 days. */
async function reviewHistory() {
  await history.register(CONSTRUCTION, {
    actor: TOKMOK_OFFICIAL,
    at: '2025-01-20T09:00:00.000Z',
    commandId: 'register-construction',
  });
  await history.removeRequirement(CONSTRUCTION.procedureId, 'tax-certificate', {
    actor: TOKMOK_OFFICIAL,
    at: '2025-03-10T10:00:00.000Z',
    reason: 'the tax service confirms this itself',
    commandId: 'drop-tax-certificate',
  });
  await history.removeRequirement(CONSTRUCTION.procedureId, 'registration', {
    actor: TOKMOK_OFFICIAL,
    at: '2025-03-10T10:05:00.000Z',
    reason: 'the registry is consulted online',
    legalBasis: 'Law on e-governance, art. 12',
    commandId: 'drop-registration',
  });
  return history.changeDecisionTime(CONSTRUCTION.procedureId, 10, {
    actor: CABINET_OFFICER,
    at: '2025-04-01T08:30:00.000Z',
    reason: 'stage 2: decisions within 10 days',
    legalBasis: 'Cabinet of Ministers resolution No. 45',
    commandId: 'shorten-construction',
  });
}

async function auditContents() {
  return {
    entries: await tableContents(fixture.db, 'audit_entries', ['position']),
    documents: await tableContents(fixture.db, 'audit_documents', ['procedure_id']),
  };
}

describe('the audit trail', () => {
  beforeEach(async () => {
    // The trail alone: it needs no other projection to know the document before each change.
    fixture = new ReadModelFixture([auditTrailProjection]);
    history = new ProceduresHistory(fixture.store);
    await fixture.start();
  });

  it('records who changed what, when and why: one entry per event with exactly the fields it changed', async () => {
    await fixture.caughtUp(await reviewHistory());
    const recorded = await collect(fixture.store.readAll({ filter: PROCEDURE_STREAMS }));
    expect(recorded).toHaveLength(4);

    const { nodes, totalCount } = await fixture.queries.auditTrail({
      procedureId: CONSTRUCTION.procedureId,
      first: 10,
    });

    expect(totalCount).toBe(4);
    const common = { procedureId: 'tokmok-construction-permit', unitId: 'city/tokmok' };
    const tokmokOfficial = {
      id: 'official/b.toktogulov',
      name: 'Bakyt Toktogulov',
      role: 'official',
      unitId: 'city/tokmok',
    };
    expect(nodes).toEqual([
      {
        ...common,
        eventId: recorded[0]!.id,
        revision: 1,
        position: recorded[0]!.position,
        eventType: 'ProcedureRegistered',
        occurredAt: '2025-01-20T09:00:00.000Z',
        recordedAt: recorded[0]!.recordedAt.toISOString(),
        actor: tokmokOfficial,
        reason: null,
        legalBasis: null,
        commandId: 'register-construction',
        changes: [
          { field: 'procedureId', before: null, after: 'tokmok-construction-permit' },
          { field: 'authorityId', before: null, after: 'mayors-office/tokmok' },
          { field: 'unitId', before: null, after: 'city/tokmok' },
          { field: 'level', before: null, after: 'CITY' },
          { field: 'title', before: null, after: 'Permit for construction of a commercial building' },
          { field: 'category', before: null, after: 'construction' },
          { field: 'status', before: null, after: 'ACTIVE' },
          { field: 'decisionDays', before: null, after: 30 },
          { field: 'fee', before: null, after: { tyiyn: 100_000, currency: 'KGS' } },
          { field: 'legalBasis', before: null, after: 'Tokmok city council resolution No. 7' },
          ...REQUIREMENTS.map((r) => ({ field: `requirements.${r.requirementId}`, before: null, after: r })),
          ...STEPS.map((s) => ({ field: `steps.${s.stepId}`, before: null, after: s })),
        ],
      },
      {
        ...common,
        eventId: recorded[1]!.id,
        revision: 2,
        position: recorded[1]!.position,
        eventType: 'RequirementRemoved',
        occurredAt: '2025-03-10T10:00:00.000Z',
        recordedAt: recorded[1]!.recordedAt.toISOString(),
        actor: tokmokOfficial,
        reason: 'the tax service confirms this itself',
        legalBasis: null,
        commandId: 'drop-tax-certificate',
        changes: [{ field: 'requirements.tax-certificate', before: REQUIREMENTS[3], after: null }],
      },
      {
        ...common,
        eventId: recorded[2]!.id,
        revision: 3,
        position: recorded[2]!.position,
        eventType: 'RequirementRemoved',
        occurredAt: '2025-03-10T10:05:00.000Z',
        recordedAt: recorded[2]!.recordedAt.toISOString(),
        actor: tokmokOfficial,
        reason: 'the registry is consulted online',
        legalBasis: 'Law on e-governance, art. 12',
        commandId: 'drop-registration',
        changes: [{ field: 'requirements.registration', before: REQUIREMENTS[2], after: null }],
      },
      {
        ...common,
        eventId: recorded[3]!.id,
        revision: 4,
        position: recorded[3]!.position,
        eventType: 'DecisionTimeChanged',
        occurredAt: '2025-04-01T08:30:00.000Z',
        recordedAt: recorded[3]!.recordedAt.toISOString(),
        actor: { id: 'cabinet/a.sadykova', name: 'Aigul Sadykova', role: 'cabinet', unitId: null },
        reason: 'stage 2: decisions within 10 days',
        legalBasis: 'Cabinet of Ministers resolution No. 45',
        commandId: 'shorten-construction',
        changes: [{ field: 'decisionDays', before: 30, after: 10 }],
      },
    ]);
  });

  it('pages in the numeric order of global positions, past position 9', async () => {
    await history.register(CONSTRUCTION, { actor: TOKMOK_OFFICIAL, at: '2025-01-20T09:00:00.000Z' });
    for (let i = 1; i <= 11; i++)
      await history.changeFee(CONSTRUCTION.procedureId, som(1_000 - i * 50), {
        actor: CABINET_OFFICER,
        at: `2025-02-${String(i).padStart(2, '0')}T09:00:00.000Z`,
        reason: `fee cut ${i}`,
      });
    await fixture.caughtUp();

    const revisions: number[] = [];
    const positions: bigint[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Awaited<ReturnType<typeof fixture.queries.auditTrail>> = await fixture.queries.auditTrail({
        first: 5,
        after,
      });
      revisions.push(...page.nodes.map((entry) => entry.revision));
      positions.push(...page.nodes.map((entry) => entry.position));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(revisions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(positions).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n, 11n, 12n]);
  });

  it('keeps the latest document of each procedure in a table of its own', async () => {
    await fixture.caughtUp(await reviewHistory());

    const documents = await tableContents(fixture.db, 'audit_documents', ['procedure_id']);
    expect(documents.map((row) => ({ ...row, document: JSON.parse(row['document'] as string) }))).toEqual([
      {
        procedure_id: 'tokmok-construction-permit',
        revision: 4,
        document: expect.objectContaining({
          decisionDays: 10,
          requirements: [REQUIREMENTS[0], REQUIREMENTS[1], REQUIREMENTS[4], REQUIREMENTS[5]],
        }),
      },
    ]);
  });

  it('changes nothing when an event it has recorded is delivered again', async () => {
    await fixture.caughtUp(await reviewHistory());
    const once = await auditContents();

    const events = await collect(fixture.store.readAll({ filter: auditTrailProjection.filter }));
    const table = (logical: string) => physicalTable(logical, 1);
    await fixture.db.transaction().execute(async (trx) => {
      await auditTrailProjection.applyBatch([events[3]!], trx, table);
      await auditTrailProjection.applyBatch(events, trx, table);
      for (const event of events) await auditTrailProjection.applyBatch([event], trx, table);
      await auditTrailProjection.applyBatch([events[1]!], trx, table);
    });

    expect(await auditContents()).toEqual(once);
  });

  it('rebuilds from position 0 into byte-identical rows', async () => {
    await reviewHistory();
    await history.register(
      { ...CONSTRUCTION, procedureId: 'tokmok-signboard', title: 'Signboard placement', requirements: [] },
      { actor: CABINET_OFFICER, at: '2025-02-01T12:00:00.000Z' },
    );
    await fixture.caughtUp(
      await history.abolish('tokmok-signboard', {
        actor: CABINET_OFFICER,
        at: '2025-05-01T12:00:00.000Z',
        reason: 'no law requires it',
      }),
    );
    const live = await auditContents();

    await fixture.runner('audit-trail').rebuild();
    const rebuilt = await auditContents();
    const fromZero = await fixture.buildFromZero('from-zero');

    expect(fixture.runner('audit-trail').checkpoint).toMatchObject({ generation: 2 });
    expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(live));
    expect(await tableContents(fromZero, 'audit_entries', ['position'])).toEqual(live.entries);
    expect(await tableContents(fromZero, 'audit_documents', ['procedure_id'])).toEqual(live.documents);
    expect(live.entries).toHaveLength(6);
  });
});

describe('the audit trail beside the other projections', () => {
  beforeEach(async () => {
    fixture = new ReadModelFixture(READ_SIDE_PROJECTIONS);
    history = new ProceduresHistory(fixture.store);
    await fixture.start();
  });

  it('tells the same revisions and documents as the procedures read model', async () => {
    await fixture.caughtUp(await reviewHistory());

    const procedure = await fixture.db
      .selectFrom('procedures')
      .select(['revision', 'document'])
      .executeTakeFirstOrThrow();
    const audited = await fixture.db
      .selectFrom('audit_documents')
      .select(['revision', 'document'])
      .executeTakeFirstOrThrow();
    expect(audited).toEqual(procedure);
  });
});
