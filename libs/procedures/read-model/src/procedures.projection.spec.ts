import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { collect } from '@redtape/event-store';
import { physicalTable } from '@redtape/projections';
import { procedureStream, type ProcedureDocument } from '@redtape/procedures-domain';
import { proceduresProjection } from './procedures.projection.js';
import { ReadModelFixture, tableContents } from './testing/read-model-fixture.js';
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

beforeEach(async () => {
  fixture = new ReadModelFixture([proceduresProjection]);
  history = new ProceduresHistory(fixture.store);
  await fixture.start();
});

afterEach(() => fixture.dispose());

const STREET_TRADE: Registration = {
  procedureId: 'tokmok-street-trade',
  authorityId: 'mayors-office/tokmok',
  unitId: 'city/tokmok',
  level: 'CITY',
  title: 'Permit for street trade',
  category: 'trade',
  requirements: [
    requirement('application', 'Application form'),
    requirement('passport', 'Copy of passport', 1),
    requirement('tax-certificate', 'Certificate of no tax debts'),
  ],
  steps: [step('submit', 'Submit the application'), step('decide', 'The commission decides')],
  decisionDays: 30,
  fee: som(500),
  legalBasis: 'Tokmok city council resolution No. 12',
};

const [APPLICATION, PASSPORT] = STREET_TRADE.requirements!;

async function streetTradeHistory() {
  await history.register(STREET_TRADE, { actor: TOKMOK_OFFICIAL, at: '2025-01-20T09:00:00.000Z' });
  await history.removeRequirement(STREET_TRADE.procedureId, 'tax-certificate', {
    actor: TOKMOK_OFFICIAL,
    at: '2025-03-10T10:00:00.000Z',
    reason: 'the tax service confirms this itself',
  });
  return history.changeDecisionTime(STREET_TRADE.procedureId, 10, {
    actor: CABINET_OFFICER,
    at: '2025-04-01T08:30:00.000Z',
    reason: 'stage 2 target',
  });
}

async function contents() {
  return {
    procedures: await tableContents(fixture.db, 'procedures', ['id']),
    requirements: await tableContents(fixture.db, 'procedure_requirements', [
      'procedure_id',
      'requirement_id',
    ]),
    versions: await tableContents(fixture.db, 'procedure_versions', ['procedure_id', 'revision']),
  };
}

describe('the procedures projection', () => {
  it('keeps the procedure as it stands, folded with the domain from the document in its row', async () => {
    await fixture.caughtUp(await streetTradeHistory());

    const expectedDocument: ProcedureDocument = {
      procedureId: 'tokmok-street-trade',
      authorityId: 'mayors-office/tokmok',
      unitId: 'city/tokmok',
      level: 'CITY',
      title: 'Permit for street trade',
      category: 'trade',
      status: 'ACTIVE',
      requirements: [APPLICATION!, PASSPORT!],
      steps: STREET_TRADE.steps!,
      decisionDays: 10,
      fee: { tyiyn: 50_000, currency: 'KGS' },
      legalBasis: 'Tokmok city council resolution No. 12',
      duplicateOf: null,
      mergedInto: null,
    };
    const [row, ...others] = await tableContents(fixture.db, 'procedures', ['id']);
    expect(others).toEqual([]);
    expect({ ...row, document: JSON.parse(row!['document'] as string) }).toEqual({
      id: 'tokmok-street-trade',
      authority_id: 'mayors-office/tokmok',
      unit_id: 'city/tokmok',
      level: 'CITY',
      title: 'Permit for street trade',
      normalized_title: 'permit for street trade',
      category: 'trade',
      status: 'ACTIVE',
      decision_days: 10,
      fee_tyiyn: 50_000,
      requirement_count: 2,
      legal_basis: 'Tokmok city council resolution No. 12',
      duplicate_of: null,
      merged_into: null,
      document: expectedDocument,
      revision: 3,
      registered_at: '2025-01-20T09:00:00.000Z',
      updated_at: '2025-04-01T08:30:00.000Z',
    });
    expect(await fixture.queries.procedure('tokmok-street-trade')).toEqual({
      ...expectedDocument,
      revision: 3,
      registeredAt: '2025-01-20T09:00:00.000Z',
      updatedAt: '2025-04-01T08:30:00.000Z',
    });
  });

  it('lists the current requirements with their names folded for search', async () => {
    await fixture.caughtUp(await streetTradeHistory());

    expect(await tableContents(fixture.db, 'procedure_requirements', ['requirement_id'])).toEqual([
      {
        procedure_id: 'tokmok-street-trade',
        requirement_id: 'application',
        name: 'Application form',
        normalized_name: 'application form',
      },
      {
        procedure_id: 'tokmok-street-trade',
        requirement_id: 'passport',
        name: 'Copy of passport',
        normalized_name: 'copy of passport',
      },
    ]);
  });

  it('writes one version per event, stamped with when the change happened', async () => {
    await fixture.caughtUp(await streetTradeHistory());

    const versions = await tableContents(fixture.db, 'procedure_versions', ['revision']);
    expect(versions).toEqual([
      {
        procedure_id: 'tokmok-street-trade',
        revision: 1,
        occurred_at: '2025-01-20T09:00:00.000Z',
        status: 'ACTIVE',
        requirement_count: 3,
        decision_days: 30,
        fee_tyiyn: 50_000,
      },
      {
        procedure_id: 'tokmok-street-trade',
        revision: 2,
        occurred_at: '2025-03-10T10:00:00.000Z',
        status: 'ACTIVE',
        requirement_count: 2,
        decision_days: 30,
        fee_tyiyn: 50_000,
      },
      {
        procedure_id: 'tokmok-street-trade',
        revision: 3,
        occurred_at: '2025-04-01T08:30:00.000Z',
        status: 'ACTIVE',
        requirement_count: 2,
        decision_days: 10,
        fee_tyiyn: 50_000,
      },
    ]);
  });

  it('follows a procedure through draft, activation, review, merging and abolition', async () => {
    const change = (at: string) => ({ actor: CABINET_OFFICER, at, reason: 'stage 2 inventory' });
    await history.register(
      { ...STREET_TRADE, procedureId: 'tokmok-kiosk', title: 'Kiosk placement', asDraft: true },
      change('2025-01-21T09:00:00.000Z'),
    );
    await history.register(STREET_TRADE, change('2025-01-20T09:00:00.000Z'));
    await history.register(
      { ...STREET_TRADE, procedureId: 'tokmok-market-stall', title: 'Market stall permit' },
      change('2025-01-22T09:00:00.000Z'),
    );
    await history.activate('tokmok-kiosk', change('2025-02-01T09:00:00.000Z'));
    await history.startReview('tokmok-kiosk', change('2025-02-02T09:00:00.000Z'));
    await history.finishReview('tokmok-kiosk', 'SIMPLIFIED', change('2025-02-03T09:00:00.000Z'));
    await history.merge(
      'tokmok-market-stall',
      'tokmok-street-trade',
      'ACTIVE',
      change('2025-02-04T09:00:00.000Z'),
    );
    await fixture.caughtUp(await history.abolish('tokmok-street-trade', change('2025-02-05T09:00:00.000Z')));

    const rows = await fixture.db
      .selectFrom('procedures')
      .select(['id', 'status', 'merged_into', 'revision', 'registered_at', 'updated_at'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        id: 'tokmok-kiosk',
        status: 'SIMPLIFIED',
        merged_into: null,
        revision: 4,
        registered_at: '2025-01-21T09:00:00.000Z',
        updated_at: '2025-02-03T09:00:00.000Z',
      },
      {
        id: 'tokmok-market-stall',
        status: 'MERGED',
        merged_into: 'tokmok-street-trade',
        revision: 2,
        registered_at: '2025-01-22T09:00:00.000Z',
        updated_at: '2025-02-04T09:00:00.000Z',
      },
      {
        id: 'tokmok-street-trade',
        status: 'ABOLISHED',
        merged_into: null,
        revision: 2,
        registered_at: '2025-01-20T09:00:00.000Z',
        updated_at: '2025-02-05T09:00:00.000Z',
      },
    ]);
    const kiosk = await fixture.db
      .selectFrom('procedure_versions')
      .select(['revision', 'status'])
      .where('procedure_id', '=', 'tokmok-kiosk')
      .orderBy('revision')
      .execute();
    expect(kiosk).toEqual([
      { revision: 1, status: 'DRAFT' },
      { revision: 2, status: 'ACTIVE' },
      { revision: 3, status: 'UNDER_REVIEW' },
      { revision: 4, status: 'SIMPLIFIED' },
    ]);
  });

  it('counts an event of a type it does not know as a revision that changes nothing', async () => {
    await history.register(STREET_TRADE, { actor: TOKMOK_OFFICIAL, at: '2025-01-20T09:00:00.000Z' });
    const { position } = await fixture.store.appendToStream(
      procedureStream(STREET_TRADE.procedureId),
      [
        {
          id: '0d9f3a57-4c1e-4b8a-9f0e-2a6b7c8d9e01',
          type: 'ProcedureTranslated',
          data: { language: 'ky' },
          metadata: {
            schemaVersion: 1,
            actor: { id: 'system', role: 'system' },
            commandId: 'translate-1',
            correlationId: 'translate-1',
            causationId: 'translate-1',
            occurredAt: '2025-01-25T00:00:00.000Z',
          },
        },
      ],
      0n,
    );
    await fixture.caughtUp(position);

    const row = await fixture.db
      .selectFrom('procedures')
      .select(['revision', 'updated_at', 'requirement_count'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      revision: 2,
      updated_at: '2025-01-25T00:00:00.000Z',
      requirement_count: STREET_TRADE.requirements!.length,
    });
  });

  it('leaves the same rows when every procedure event is folded a second time', async () => {
    await streetTradeHistory();
    await fixture.caughtUp(
      await history.register(
        { ...STREET_TRADE, procedureId: 'tokmok-kiosk', title: 'Kiosk placement' },
        { actor: TOKMOK_OFFICIAL, at: '2025-01-21T09:00:00.000Z' },
      ),
    );
    const once = await contents();

    const events = await collect(fixture.store.readAll({ filter: proceduresProjection.filter }));
    const table = (logical: string) => physicalTable(logical, 1);
    await fixture.db.transaction().execute(async (trx) => {
      await proceduresProjection.applyBatch(events, trx, table);
      for (const event of events) await proceduresProjection.applyBatch([event], trx, table);
      await proceduresProjection.applyBatch([events[1]!], trx, table);
    });

    expect(await contents()).toEqual(once);
  });

  it('rebuilds from position 0 into exactly the rows it built live', async () => {
    await streetTradeHistory();
    await history.register(
      { ...STREET_TRADE, procedureId: 'tokmok-kiosk', title: 'Kiosk placement', asDraft: true },
      { actor: TOKMOK_OFFICIAL, at: '2025-01-21T09:00:00.000Z' },
    );
    await fixture.caughtUp(
      await history.changeFee('tokmok-kiosk', null, {
        actor: CABINET_OFFICER,
        at: '2025-05-01T09:00:00.000Z',
        reason: 'fees abolished for kiosks',
      }),
    );
    const live = await contents();

    await fixture.runner('procedures').rebuild();

    expect(fixture.runner('procedures').checkpoint).toMatchObject({ generation: 2 });
    expect(await contents()).toEqual(live);
    expect(live.versions).toHaveLength(5);
  });
});
