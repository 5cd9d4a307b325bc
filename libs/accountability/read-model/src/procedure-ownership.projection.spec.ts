import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { collect } from '@redtape/event-store';
import { PROCEDURE_STREAMS } from '@redtape/procedures-domain';
import { physicalTable } from '@redtape/projections';
import { procedureOwnershipProjection } from './procedure-ownership.projection.js';
import { ProceduresHistory, type Owner } from './testing/procedures-history.js';
import { ReadModelFixture, tableContents } from './testing/read-model-fixture.js';

let fixture: ReadModelFixture;
let procedures: ProceduresHistory;

beforeEach(async () => {
  fixture = new ReadModelFixture([procedureOwnershipProjection]);
  procedures = new ProceduresHistory(fixture.store);
  await fixture.start();
});

afterEach(() => fixture.dispose());

const TOKMOK: Owner = { authorityId: 'mayors-office/tokmok', unitId: 'city/tokmok', level: 'CITY' };
const NOOKAT: Owner = { authorityId: 'district-akimat/nookat', unitId: 'district/nookat', level: 'DISTRICT' };

/** Two Tokmok procedures, one merged into the other; a Nookat one abolished and reinstated. */
async function history() {
  await procedures.register(
    'tokmok-street-trade',
    TOKMOK,
    ['application', 'passport', 'tax'],
    30,
    '2025-01-20T03:00:00.000Z',
  );
  await procedures.register('tokmok-kiosk', TOKMOK, ['application'], 15, '2025-01-21T03:00:00.000Z');
  await procedures.register(
    'nookat-land',
    NOOKAT,
    ['application', 'cadastre'],
    45,
    '2025-01-22T03:00:00.000Z',
  );
  // 20:30 UTC on 9 March is already 10 March in Bishkek.
  await procedures.removeRequirement('tokmok-street-trade', 'tax', '2025-03-09T20:30:00.000Z');
  await procedures.changeDecisionTime('tokmok-street-trade', 10, '2025-03-12T04:00:00.000Z');
  // Longer is not simpler.
  await procedures.changeDecisionTime('tokmok-kiosk', 20, '2025-03-13T04:00:00.000Z');
  await procedures.merge('tokmok-kiosk', 'tokmok-street-trade', 'ACTIVE', '2025-03-14T04:00:00.000Z');
  await procedures.changeDecisionTime('nookat-land', 30, '2025-03-15T17:59:59.000Z');
  await procedures.abolish('nookat-land', '2025-03-20T04:00:00.000Z');
  return procedures.reinstate('nookat-land', '2025-03-25T04:00:00.000Z');
}

async function contents() {
  return {
    owners: await tableContents(fixture.db, 'procedure_owners', ['procedure_id']),
    simplifications: await tableContents(fixture.db, 'procedure_simplifications', ['event_id']),
  };
}

describe('the procedure ownership projection', () => {
  it('knows the authority and unit that own each procedure, and whether it is still in force', async () => {
    await fixture.caughtUp(await history());

    expect(await tableContents(fixture.db, 'procedure_owners', ['procedure_id'])).toEqual([
      {
        procedure_id: 'nookat-land',
        authority_id: 'district-akimat/nookat',
        unit_id: 'district/nookat',
        status: 'ACTIVE',
        revision: 4,
      },
      {
        procedure_id: 'tokmok-kiosk',
        authority_id: 'mayors-office/tokmok',
        unit_id: 'city/tokmok',
        status: 'MERGED',
        revision: 3,
      },
      {
        procedure_id: 'tokmok-street-trade',
        authority_id: 'mayors-office/tokmok',
        unit_id: 'city/tokmok',
        status: 'ACTIVE',
        revision: 3,
      },
    ]);
  });

  it('follows a procedure through abolition and reinstatement', async () => {
    await procedures.register('nookat-land', NOOKAT, ['application'], 45, '2025-01-22T03:00:00.000Z');
    await fixture.caughtUp(await procedures.abolish('nookat-land', '2025-03-20T04:00:00.000Z'));
    const status = () => fixture.db.selectFrom('procedure_owners').select('status').executeTakeFirstOrThrow();
    expect(await status()).toEqual({ status: 'ABOLISHED' });

    await fixture.caughtUp(await procedures.reinstate('nookat-land', '2025-03-25T04:00:00.000Z'));
    expect(await status()).toEqual({ status: 'ACTIVE' });
  });

  it('writes one signed row per change to the burden, dated by the day in Bishkek it happened', async () => {
    await fixture.caughtUp(await history());

    const rows = await fixture.db
      .selectFrom('procedure_simplifications')
      .select([
        'procedure_id',
        'occurred_on',
        'requirements_removed',
        'decision_days_cut',
        'procedures_merged',
        'procedures_abolished',
      ])
      .orderBy('occurred_on')
      .execute();
    const row = (
      procedure_id: string,
      occurred_on: string,
      change: Partial<Record<'removed' | 'cut' | 'merged' | 'abolished', number>>,
    ) => ({
      procedure_id,
      occurred_on,
      requirements_removed: change.removed ?? 0,
      decision_days_cut: change.cut ?? 0,
      procedures_merged: change.merged ?? 0,
      procedures_abolished: change.abolished ?? 0,
    });
    expect(rows).toEqual([
      row('tokmok-street-trade', '2025-03-10', { removed: 1 }),
      row('tokmok-street-trade', '2025-03-12', { cut: 20 }),
      // Longer counts against the cuts: the scorecard adds net.
      row('tokmok-kiosk', '2025-03-13', { cut: -5 }),
      row('tokmok-kiosk', '2025-03-14', { merged: 1 }),
      row('nookat-land', '2025-03-15', { cut: 15 }),
      row('nookat-land', '2025-03-20', { abolished: 1 }),
      row('nookat-land', '2025-03-25', { abolished: -1 }),
    ]);
  });

  it('follows the procedures’ streams and nothing else', () => {
    expect(procedureOwnershipProjection.filter).toEqual(PROCEDURE_STREAMS);
  });

  it('leaves the same rows when every procedure event is folded a second time, a late one included', async () => {
    await fixture.caughtUp(await history());
    const once = await contents();

    const events = await collect(fixture.store.readAll({ filter: procedureOwnershipProjection.filter }));
    const abolition = events.find((event) => event.type === 'ProcedureAbolished')!;
    const table = (logical: string) => physicalTable(logical, 1);
    await fixture.db.transaction().execute(async (trx) => {
      await procedureOwnershipProjection.applyBatch(events, trx, table);
      for (const event of events) await procedureOwnershipProjection.applyBatch([event], trx, table);
      // The abolition delivered again after the reinstatement must not abolish the procedure again.
      await procedureOwnershipProjection.applyBatch([abolition], trx, table);
    });

    expect(await contents()).toEqual(once);
  });

  it('rebuilds from position 0 into exactly the rows it built live', async () => {
    await fixture.caughtUp(await history());
    const live = await contents();

    await fixture.runner('procedure-ownership').rebuild();

    expect(fixture.runner('procedure-ownership').checkpoint).toMatchObject({ generation: 2 });
    expect(await contents()).toEqual(live);
    expect(live.owners).toHaveLength(3);
    expect(live.simplifications).toHaveLength(7);
  });
});
