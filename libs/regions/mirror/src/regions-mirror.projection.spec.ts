import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { collect } from '@redtape/event-store';
import { physicalTable } from '@redtape/projections';
import { regionsMirrorProjection } from './regions-mirror.projection.js';
import { MirrorFixture, tableContents } from './testing/mirror-fixture.js';
import { RegionsHistory } from './testing/regions-history.js';

let fixture: MirrorFixture;
let regions: RegionsHistory;

beforeEach(async () => {
  fixture = new MirrorFixture();
  regions = new RegionsHistory(fixture.store);
  await fixture.start();
});

afterEach(() => fixture.dispose());

async function mirrorContents() {
  return {
    units: await tableContents(fixture.db, 'units', ['id']),
    authorities: await tableContents(fixture.db, 'authorities', ['id']),
  };
}

describe('the regions mirror', () => {
  it('learns units, their parents and pilot enrollment from the regions events', async () => {
    await regions.registerUnit('country/kg', 'COUNTRY', 'country', null, 'Kyrgyz Republic');
    await regions.registerUnit('region/chuy', 'REGION', 'region', 'country/kg', 'Chuy Region');
    await regions.registerUnit(
      'city/tokmok',
      'CITY',
      'city-of-regional-significance',
      'region/chuy',
      'Tokmok',
    );
    await regions.enroll('city/tokmok', 2, '2025-02-01');
    await fixture.caughtUp();

    expect(await tableContents(fixture.db, 'units', ['id'])).toEqual([
      {
        id: 'city/tokmok',
        kind: 'CITY',
        name: 'Tokmok',
        parent_id: 'region/chuy',
        pilot_stage: 2,
        pilot_enrolled_on: '2025-02-01',
        revision: 2,
      },
      {
        id: 'country/kg',
        kind: 'COUNTRY',
        name: 'Kyrgyz Republic',
        parent_id: null,
        pilot_stage: null,
        pilot_enrolled_on: null,
        revision: 1,
      },
      {
        id: 'region/chuy',
        kind: 'REGION',
        name: 'Chuy Region',
        parent_id: 'country/kg',
        pilot_stage: null,
        pilot_enrolled_on: null,
        revision: 1,
      },
    ]);
  });

  it('follows renames and withdrawals from the pilot', async () => {
    await regions.registerUnit('country/kg', 'COUNTRY', 'country', null, 'Kyrgyz Republic');
    await regions.registerUnit('region/chuy', 'REGION', 'region', 'country/kg', 'Chuy Region');
    await regions.enroll('region/chuy', 2, '2025-02-01');
    await regions.renameUnit('region/chuy', 'Chüy Region');
    await regions.withdraw('region/chuy', 2, '2025-03-01');
    await fixture.caughtUp();

    expect(await fixture.regions.unit('region/chuy')).toEqual({
      id: 'region/chuy',
      kind: 'REGION',
      name: 'Chüy Region',
      parent_id: 'country/kg',
      pilot_stage: null,
      pilot_enrolled_on: null,
      revision: 4,
    });
  });

  it('learns the authorities, with the level the regions gave them', async () => {
    await regions.registerUnit('country/kg', 'COUNTRY', 'country', null, 'Kyrgyz Republic');
    await regions.registerUnit('region/chuy', 'REGION', 'region', 'country/kg', 'Chuy Region');
    await regions.registerUnit(
      'city/tokmok',
      'CITY',
      'city-of-regional-significance',
      'region/chuy',
      'Tokmok',
    );
    await regions.establishAuthority(
      'mayors-office/tokmok',
      'city/tokmok',
      'CITY',
      'MAYORS_OFFICE',
      "Tokmok Mayor's Office",
    );
    await fixture.caughtUp();

    expect(await tableContents(fixture.db, 'authorities', ['id'])).toEqual([
      { id: 'mayors-office/tokmok', unit_id: 'city/tokmok', level: 'CITY', name: "Tokmok Mayor's Office" },
    ]);
    expect(await fixture.regions.authority('mayors-office/tokmok')).toEqual({
      id: 'mayors-office/tokmok',
      unit_id: 'city/tokmok',
      level: 'CITY',
      name: "Tokmok Mayor's Office",
    });
    expect(await fixture.regions.authority('mayors-office/naryn')).toBeUndefined();
  });

  it('answers the ancestry of a unit, from the unit up to the country', async () => {
    await regions.registerMap();
    await fixture.caughtUp();

    expect(await fixture.regions.ancestry('city/tokmok')).toEqual([
      'city/tokmok',
      'region/chuy',
      'country/kg',
    ]);
    expect(await fixture.regions.ancestry('region/osh')).toEqual(['region/osh', 'country/kg']);
    expect(await fixture.regions.ancestry('country/kg')).toEqual(['country/kg']);
    expect(await fixture.regions.ancestry('city/naryn')).toBeUndefined();
  });

  it('answers the descendants of a unit, the unit itself first', async () => {
    await regions.registerMap();
    await fixture.caughtUp();

    expect(await fixture.regions.descendants('region/chuy')).toEqual([
      'region/chuy',
      'city/tokmok',
      'district/ysyk-ata',
    ]);
    expect(await fixture.regions.descendants('country/kg')).toEqual([
      'country/kg',
      'region/chuy',
      'region/osh',
      'city/tokmok',
      'district/nookat',
      'district/ysyk-ata',
    ]);
    expect(await fixture.regions.descendants('district/nookat')).toEqual(['district/nookat']);
    expect(await fixture.regions.descendants('city/naryn')).toEqual([]);
  });

  it('given the map, when the descendants of several units are asked for at once, then each is what `descendants` answers alone', async () => {
    await regions.registerMap();
    await fixture.caughtUp();
    const units = ['country/kg', 'region/chuy', 'district/nookat', 'city/naryn'];

    const together = await fixture.regions.descendantsOfUnits(units);

    for (const unit of units) expect(together.get(unit)).toEqual(await fixture.regions.descendants(unit));
  });

  it('given a unit enrolled in the pilot below a region, when the baselines of several units are asked for at once, then each is what `baselineDate` answers alone', async () => {
    await regions.registerMap();
    await regions.enroll('region/chuy', 2, '2025-03-01');
    await regions.enroll('city/tokmok', 2, '2025-02-01');
    await fixture.caughtUp();
    const units = [
      'country/kg',
      'region/chuy',
      'city/tokmok',
      'district/ysyk-ata',
      'region/osh',
      'city/naryn',
    ];

    const together = await fixture.regions.baselineDates(units);

    expect(Object.fromEntries(together)).toEqual({
      'country/kg': null,
      'region/chuy': '2025-03-01',
      'city/tokmok': '2025-02-01',
      'district/ysyk-ata': '2025-03-01',
      'region/osh': null,
      'city/naryn': null,
    });
    for (const unit of units) expect(together.get(unit)).toEqual(await fixture.regions.baselineDate(unit));
  });

  it('leaves the same rows when every regions event is folded a second time, late ones included', async () => {
    await regions.registerMap();
    await regions.enroll('city/tokmok', 2, '2025-02-01');
    await regions.withdraw('city/tokmok', 2, '2025-03-01');
    await regions.renameUnit('region/chuy', 'Chüy Region');
    await fixture.caughtUp();
    const once = await mirrorContents();

    const events = await collect(fixture.store.readAll({ filter: regionsMirrorProjection.filter }));
    const enrollment = events.find((event) => event.type === 'UnitEnrolledInPilot')!;
    const table = (logical: string) => physicalTable(logical, 1);
    await fixture.db.transaction().execute(async (trx) => {
      for (const event of events) await regionsMirrorProjection.apply(event, trx, table);
      // An old enrollment delivered after the withdrawal must not enroll the city again.
      await regionsMirrorProjection.apply(enrollment, trx, table);
    });

    expect(await mirrorContents()).toEqual(once);
    expect(await fixture.regions.unit('city/tokmok')).toMatchObject({ pilot_stage: null, revision: 3 });
  });

  it('rebuilds from position 0 into exactly the rows it built live', async () => {
    await regions.registerMap();
    await regions.enroll('city/tokmok', 2, '2025-02-01');
    await regions.enroll('district/nookat', 2, '2025-02-01');
    await regions.withdraw('district/nookat', 2, '2025-04-01');
    await regions.renameUnit('region/chuy', 'Chüy Region');
    await fixture.caughtUp();
    const live = await mirrorContents();

    await fixture.runner.rebuild();

    expect(fixture.runner.checkpoint).toMatchObject({ generation: 2 });
    expect(await mirrorContents()).toEqual(live);
    expect(live.units).toHaveLength(6);
    expect(live.authorities).toHaveLength(5);
  });
});
