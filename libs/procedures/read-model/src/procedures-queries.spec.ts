import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RegionsHistory } from '@redtape/regions-mirror/testing';
import { InvalidQueryInput } from './invalid-query-input.js';
import type { ProceduresQueries } from './procedures-queries.js';
import { ReadModelFixture } from './testing/read-model-fixture.js';
import {
  CABINET_OFFICER,
  ProceduresHistory,
  requirement,
  som,
  TOKMOK_OFFICIAL,
  type Change,
} from './testing/procedures-history.js';

// One history for every query below; the queries only read it.
let fixture: ReadModelFixture;
let queries: ProceduresQueries;

const registered = (at: string): Change => ({ actor: CABINET_OFFICER, at });
const changed = (at: string, reason: string): Change => ({ actor: TOKMOK_OFFICIAL, at, reason });

const TOKMOK = { authorityId: 'mayors-office/tokmok', unitId: 'city/tokmok', level: 'CITY' } as const;
const CHUY = {
  authorityId: 'regional-administration/chuy',
  unitId: 'region/chuy',
  level: 'REGIONAL',
} as const;
const YSYK_ATA = {
  authorityId: 'district-akimat/ysyk-ata',
  unitId: 'district/ysyk-ata',
  level: 'DISTRICT',
} as const;
const NOOKAT = {
  authorityId: 'district-akimat/nookat',
  unitId: 'district/nookat',
  level: 'DISTRICT',
} as const;
const KG = { authorityId: 'cabinet/kg', unitId: 'country/kg', level: 'CENTRAL' } as const;

async function writeHistory(store: ReadModelFixture['store']) {
  await new RegionsHistory(store).registerMap();
  const procedures = new ProceduresHistory(store);

  await procedures.register(
    {
      ...TOKMOK,
      procedureId: 'tokmok-construction',
      title: 'Permit for construction of a commercial building',
      requirements: [
        requirement('application', 'Application form'),
        requirement('passport', 'Copy of passport', 1),
        requirement('registration', 'Certificate of state registration', 1),
        requirement('tax-certificate', 'Certificate of no tax debts'),
        requirement('lease', 'Lease agreement for the premises', 1),
        requirement('sanitary', 'Sanitary-epidemiological conclusion'),
      ],
      decisionDays: 30,
      fee: som(1_000),
    },
    registered('2025-01-20T09:00:00.000Z'),
  );
  await procedures.register(
    {
      ...TOKMOK,
      procedureId: 'tokmok-street-trade',
      title: 'Permit for street trade',
      requirements: [requirement('passport', 'Копия паспорта.', 1), requirement('application', 'Заявление')],
      decisionDays: 15,
    },
    registered('2025-01-21T09:00:00.000Z'),
  );
  await procedures.register(
    {
      ...TOKMOK,
      procedureId: 'tokmok-tuzum',
      title: 'Tüzüm certificate',
      requirements: [requirement('income', 'Отчёт о доходах')],
      decisionDays: 20,
      fee: som(200),
    },
    registered('2025-01-22T09:00:00.000Z'),
  );
  await procedures.register(
    {
      ...TOKMOK,
      procedureId: 'tokmok-kiosk',
      title: 'Kiosk placement',
      requirements: [requirement('application', 'Application form'), requirement('plan', 'Site plan')],
      decisionDays: 5,
      asDraft: true,
    },
    registered('2025-01-23T09:00:00.000Z'),
  );
  await procedures.register(
    {
      ...CHUY,
      procedureId: 'chuy-street-trade',
      title: 'Permit for street trading',
      requirements: [
        requirement('passport', 'Passport copy', 1),
        requirement('application', 'Application form'),
      ],
      decisionDays: 20,
    },
    registered('2025-01-24T09:00:00.000Z'),
  );
  await procedures.register(
    {
      ...CHUY,
      procedureId: 'chuy-old-trade',
      title: 'Permit for street trade',
      requirements: [requirement('application', 'Application form')],
    },
    registered('2025-01-24T10:00:00.000Z'),
  );
  await procedures.register(
    {
      ...YSYK_ATA,
      procedureId: 'ysyk-ata-street-trade',
      title: 'Permit for street trade',
      requirements: [
        requirement('passport', 'Copy of passport', 1),
        requirement('application', 'Application form'),
      ],
      decisionDays: 10,
    },
    registered('2025-01-25T09:00:00.000Z'),
  );
  await procedures.register(
    {
      ...NOOKAT,
      procedureId: 'nookat-street-trade',
      title: 'Permit for street trade',
      requirements: [requirement('passport', 'Copy of passport', 1)],
    },
    registered('2025-01-26T09:00:00.000Z'),
  );
  await procedures.register(
    {
      ...KG,
      procedureId: 'kg-business-registration',
      title: 'State registration of a legal entity',
      requirements: [
        requirement('charter', 'Charter of the legal entity'),
        requirement('founders', 'Decision of the founders'),
      ],
      decisionDays: 3,
    },
    registered('2025-01-27T09:00:00.000Z'),
  );

  await procedures.abolish('chuy-old-trade', {
    actor: CABINET_OFFICER,
    at: '2025-02-15T09:00:00.000Z',
    reason: 'replaced by the permit for street trading',
  });
  await procedures.removeRequirement(
    'tokmok-construction',
    'tax-certificate',
    changed('2025-03-10T10:00:00.000Z', 'the tax service confirms this itself'),
  );
  await procedures.removeRequirement(
    'tokmok-construction',
    'registration',
    changed('2025-03-10T10:05:00.000Z', 'the registry is consulted online'),
  );
  await procedures.changeDecisionTime('tokmok-construction', 10, {
    actor: CABINET_OFFICER,
    at: '2025-04-01T08:30:00.000Z',
    reason: 'stage 2: decisions within 10 days',
  });
}

beforeAll(async () => {
  fixture = new ReadModelFixture();
  queries = fixture.queries;
  await fixture.start();
  await writeHistory(fixture.store);
  await fixture.caughtUp();
});

afterAll(() => fixture.dispose());

const ids = (page: { nodes: { procedureId: string }[] }) => page.nodes.map((node) => node.procedureId);

/** Every procedure, ordered by title and then id (four share the title "Permit for street trade"). */
const ALL_IN_ORDER = [
  'tokmok-kiosk',
  'tokmok-construction',
  'chuy-old-trade',
  'nookat-street-trade',
  'tokmok-street-trade',
  'ysyk-ata-street-trade',
  'chuy-street-trade',
  'kg-business-registration',
  'tokmok-tuzum',
];

describe('procedures, page by page', () => {
  it('pages through the procedures ordered by title and id, a tie of titles split across pages', async () => {
    const first = await queries.procedures({ first: 4 });
    expect(ids(first)).toEqual(ALL_IN_ORDER.slice(0, 4));
    expect(first).toMatchObject({ hasNextPage: true, totalCount: 9 });

    const second = await queries.procedures({ first: 4, after: first.endCursor });
    expect(ids(second)).toEqual(ALL_IN_ORDER.slice(4, 8));
    expect(second).toMatchObject({ hasNextPage: true, totalCount: 9 });

    const last = await queries.procedures({ first: 4, after: second.endCursor });
    expect(ids(last)).toEqual(ALL_IN_ORDER.slice(8));
    expect(last).toMatchObject({ hasNextPage: false, totalCount: 9 });
    expect(last.endCursor).not.toBeNull();
  });

  it('visits every procedure exactly once one at a time, and ends with an empty page', async () => {
    const visited: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: Awaited<ReturnType<ProceduresQueries['procedures']>> = await queries.procedures({
        first: 1,
        after,
      });
      visited.push(...ids(page));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(visited).toEqual(ALL_IN_ORDER);
    const beyond = await queries.procedures({
      first: 5,
      after: (await queries.procedures({ first: 9 })).endCursor,
    });
    expect(beyond).toEqual({ nodes: [], hasNextPage: false, endCursor: null, totalCount: 9 });
  });

  it('gives whole procedures with their revision and times', async () => {
    const page = await queries.procedures({ first: 1, unitIds: ['region/chuy'], status: 'ACTIVE' });
    expect(page.nodes).toEqual([
      {
        procedureId: 'chuy-street-trade',
        authorityId: 'regional-administration/chuy',
        unitId: 'region/chuy',
        level: 'REGIONAL',
        title: 'Permit for street trading',
        category: 'licensing',
        status: 'ACTIVE',
        requirements: [
          requirement('passport', 'Passport copy', 1),
          requirement('application', 'Application form'),
        ],
        steps: [],
        decisionDays: 20,
        fee: null,
        legalBasis: null,
        duplicateOf: null,
        mergedInto: null,
        revision: 1,
        registeredAt: '2025-01-24T09:00:00.000Z',
        updatedAt: '2025-01-24T09:00:00.000Z',
      },
    ]);
  });

  it('filters by units (a region and the units below it) and by status', async () => {
    const chuy = await fixture.regions.descendants('region/chuy');
    expect(ids(await queries.procedures({ first: 50, unitIds: chuy }))).toEqual([
      'tokmok-kiosk',
      'tokmok-construction',
      'chuy-old-trade',
      'tokmok-street-trade',
      'ysyk-ata-street-trade',
      'chuy-street-trade',
      'tokmok-tuzum',
    ]);
    expect(ids(await queries.procedures({ first: 50, unitIds: chuy, status: 'DRAFT' }))).toEqual([
      'tokmok-kiosk',
    ]);
    expect(ids(await queries.procedures({ first: 50, status: 'ABOLISHED' }))).toEqual(['chuy-old-trade']);
    expect(await queries.procedures({ first: 50, unitIds: [] })).toEqual({
      nodes: [],
      hasNextPage: false,
      endCursor: null,
      totalCount: 0,
    });
  });

  it('counts every match on a page of none', async () => {
    expect(await queries.procedures({ first: 0, unitIds: ['city/tokmok'] })).toEqual({
      nodes: [],
      hasNextPage: true,
      endCursor: null,
      totalCount: 4,
    });
  });

  it('refuses a cursor it did not write, another list’s cursor and a page size out of range', async () => {
    const auditCursor = (await queries.auditTrail({ first: 1 })).endCursor;
    await expect(queries.procedures({ first: 5, after: 'not-a-cursor' })).rejects.toThrow(InvalidQueryInput);
    await expect(queries.procedures({ first: 5, after: auditCursor })).rejects.toThrow(InvalidQueryInput);
    await expect(queries.procedures({ first: 201 })).rejects.toThrow(InvalidQueryInput);
    await expect(queries.procedures({ first: -1 })).rejects.toThrow(InvalidQueryInput);
    await expect(queries.procedures({ first: 1.5 })).rejects.toThrow(InvalidQueryInput);
  });
});

describe('searching procedures', () => {
  const search = async (term: string, unitIds?: string[]) =>
    ids(await queries.procedures({ first: 50, search: term, unitIds }));

  it('finds a requirement whatever its case, spacing and punctuation', async () => {
    expect(await search('КОПИЯ  паспорта')).toEqual(['tokmok-street-trade']);
    expect(await search('копия-паспорта!')).toEqual(['tokmok-street-trade']);
  });

  it('folds diacritics, ё and the Kyrgyz letters', async () => {
    expect(await search('tuzum')).toEqual(['tokmok-tuzum']);
    expect(await search('TÜZÜM')).toEqual(['tokmok-tuzum']);
    expect(await search('отчет о доходах')).toEqual(['tokmok-tuzum']);
  });

  it('matches part of a title or of a requirement name', async () => {
    expect(await search('street TRADE')).toEqual([
      'chuy-old-trade',
      'nookat-street-trade',
      'tokmok-street-trade',
      'ysyk-ata-street-trade',
    ]);
    expect(await search('passport')).toEqual([
      'tokmok-construction',
      'nookat-street-trade',
      'ysyk-ata-street-trade',
      'chuy-street-trade',
    ]);
    expect(await search('passport', ['district/ysyk-ata', 'district/nookat'])).toEqual([
      'nookat-street-trade',
      'ysyk-ata-street-trade',
    ]);
  });

  it('finds what a procedure no longer asks for no more', async () => {
    expect(await search('no tax debts')).toEqual([]);
    expect(await search('sanitary')).toEqual(['tokmok-construction']);
  });

  it('takes LIKE wildcards literally and finds nothing for a term of punctuation only', async () => {
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    expect(await search('permit%street')).toEqual([]);
    expect((await queries.procedures({ first: 5, search: ' - ' })).totalCount).toBe(0);
  });
});

describe('procedures of a unit', () => {
  it('lists a unit’s procedures by title, optionally of one status', async () => {
    const all = await queries.proceduresOfUnit('city/tokmok');
    expect(all.map((p) => p.procedureId)).toEqual([
      'tokmok-kiosk',
      'tokmok-construction',
      'tokmok-street-trade',
      'tokmok-tuzum',
    ]);
    const active = await queries.proceduresOfUnit('city/tokmok', 'ACTIVE');
    expect(active.map((p) => p.procedureId)).toEqual([
      'tokmok-construction',
      'tokmok-street-trade',
      'tokmok-tuzum',
    ]);
    expect(await queries.proceduresOfUnit('city/naryn')).toEqual([]);
  });

  it('answers one procedure by id, and nothing for an unknown one', async () => {
    expect(await queries.procedure('tokmok-construction')).toMatchObject({
      procedureId: 'tokmok-construction',
      decisionDays: 10,
      revision: 4,
      registeredAt: '2025-01-20T09:00:00.000Z',
      updatedAt: '2025-04-01T08:30:00.000Z',
    });
    expect(await queries.procedure('no-such-procedure')).toBeUndefined();
  });
});

describe('the audit trail, queried', () => {
  const events = async (filter: Parameters<ProceduresQueries['auditTrail']>[0]) =>
    (await queries.auditTrail(filter)).nodes.map((entry) => `${entry.procedureId}#${entry.revision}`);

  it('lists every change in the order it was recorded', async () => {
    const trail = await queries.auditTrail({ first: 50 });
    expect(trail.totalCount).toBe(13);
    const positions = trail.nodes.map((entry) => entry.position);
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    expect(trail.nodes.map((entry) => entry.eventType).slice(-4)).toEqual([
      'ProcedureAbolished',
      'RequirementRemoved',
      'RequirementRemoved',
      'DecisionTimeChanged',
    ]);
  });

  it('pages by position', async () => {
    const all = await events({ first: 50 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Awaited<ReturnType<ProceduresQueries['auditTrail']>> = await queries.auditTrail({
        first: 5,
        after,
      });
      expect(page.totalCount).toBe(13);
      seen.push(...page.nodes.map((entry) => `${entry.procedureId}#${entry.revision}`));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(all);
    const procedureCursor = (await queries.procedures({ first: 1 })).endCursor;
    await expect(queries.auditTrail({ first: 5, after: procedureCursor })).rejects.toThrow(InvalidQueryInput);
  });

  it('filters by procedure, units, actor and a time window on when the change happened', async () => {
    expect(await events({ first: 50, procedureId: 'tokmok-construction' })).toEqual([
      'tokmok-construction#1',
      'tokmok-construction#2',
      'tokmok-construction#3',
      'tokmok-construction#4',
    ]);
    expect(await events({ first: 50, unitIds: ['region/chuy'] })).toEqual([
      'chuy-street-trade#1',
      'chuy-old-trade#1',
      'chuy-old-trade#2',
    ]);
    expect(await events({ first: 50, actorId: TOKMOK_OFFICIAL.id })).toEqual([
      'tokmok-construction#2',
      'tokmok-construction#3',
    ]);
    expect(await events({ first: 50, from: '2025-03-10T10:00:00Z', to: '2025-04-01T08:30:00.000Z' })).toEqual(
      ['tokmok-construction#2', 'tokmok-construction#3', 'tokmok-construction#4'],
    );
    expect(
      await events({ first: 50, from: '2025-03-10T10:00:00.001Z', to: '2025-04-01T08:29:59.999Z' }),
    ).toEqual(['tokmok-construction#3']);
    expect(await events({ first: 50, unitIds: [] })).toEqual([]);
    await expect(queries.auditTrail({ first: 5, from: 'last tuesday' })).rejects.toThrow(InvalidQueryInput);
  });
});

describe('reform metrics', () => {
  it('measures a unit now and as it stood at a baseline date', async () => {
    // At the end of January: construction asks for 6 documents in 30 days; the draft kiosk permit does not count.
    expect(await queries.metrics(['city/tokmok'], '2025-01-31')).toEqual({
      activeProcedures: 3,
      totalRequirements: 9,
      totalDecisionDays: 65,
      medianDecisionDays: 20,
      totalFeesTyiyn: 120_000,
    });
    expect(await queries.metrics(['city/tokmok'])).toEqual({
      activeProcedures: 3,
      totalRequirements: 7,
      totalDecisionDays: 45,
      medianDecisionDays: 15,
      totalFeesTyiyn: 120_000,
    });
  });

  it('counts a change on the day it happened, to the end of that day (UTC)', async () => {
    expect(await queries.metrics(['city/tokmok'], '2025-03-31')).toMatchObject({
      totalRequirements: 7,
      totalDecisionDays: 65,
    });
    expect(await queries.metrics(['city/tokmok'], '2025-04-01')).toEqual(
      await queries.metrics(['city/tokmok']),
    );
  });

  it('knows nothing before the first registration, and leaves out abolished procedures', async () => {
    expect(await queries.metrics(['city/tokmok'], '2025-01-19')).toEqual({
      activeProcedures: 0,
      totalRequirements: 0,
      totalDecisionDays: 0,
      medianDecisionDays: null,
      totalFeesTyiyn: 0,
    });
    expect(await queries.metrics(['region/chuy'], '2025-02-14')).toMatchObject({ activeProcedures: 2 });
    expect(await queries.metrics(['region/chuy'])).toMatchObject({ activeProcedures: 1 });
  });

  it('measures the whole country when no units are given, and nothing for an empty list', async () => {
    expect(await queries.metrics(undefined)).toMatchObject({ activeProcedures: 7 });
    expect(await queries.metrics([])).toMatchObject({ activeProcedures: 0 });
    await expect(queries.metrics(['city/tokmok'], '2025-02-30')).rejects.toThrow(InvalidQueryInput);
  });
});

describe('duplicate candidates', () => {
  it('compares a district’s procedures with its region’s and the country’s, not with other regions nor abolished ones', async () => {
    const candidates = await queries.duplicateCandidates('district/ysyk-ata');

    expect(
      candidates.map(({ kind, left, right }) => [
        kind,
        `${left.unitId} ${left.procedureId} ${left.requirementId ?? ''}`.trim(),
        `${right.unitId} ${right.procedureId} ${right.requirementId ?? ''}`.trim(),
      ]),
    ).toEqual([
      [
        'REQUIREMENT',
        'region/chuy chuy-street-trade application',
        'district/ysyk-ata ysyk-ata-street-trade application',
      ],
      [
        'REQUIREMENT',
        'region/chuy chuy-street-trade passport',
        'district/ysyk-ata ysyk-ata-street-trade passport',
      ],
      ['PROCEDURE', 'region/chuy chuy-street-trade', 'district/ysyk-ata ysyk-ata-street-trade'],
    ]);
    expect(candidates[0]).toMatchObject({ score: 1, left: { name: 'Application form' } });
  });

  it('finds nothing for the country, which has no level above it', async () => {
    expect(await queries.duplicateCandidates('country/kg')).toEqual([]);
  });
});

describe('the same reads for many units or procedures at once', () => {
  const UNITS = ['city/tokmok', 'region/chuy', 'district/ysyk-ata', 'city/naryn'];

  it('given several units, when their procedures are asked for at once, then each unit gets what it gets alone, of any status or of one', async () => {
    for (const status of [undefined, 'ACTIVE'] as const) {
      const together = await queries.proceduresOfUnits(UNITS, status);
      for (const unit of UNITS)
        expect(together.get(unit) ?? []).toEqual(await queries.proceduresOfUnit(unit, status));
    }
  });

  it('given several ids, one unknown, when the procedures are asked for at once, then each known one is what `procedure` answers', async () => {
    const ids = ['tokmok-construction', 'tokmok-kiosk', 'no-such-procedure'];

    const together = await queries.proceduresByIds(ids);

    expect([...together.keys()].sort()).toEqual(['tokmok-construction', 'tokmok-kiosk']);
    for (const id of ids) expect(together.get(id)).toEqual(await queries.procedure(id));
  });

  it('given groups of units, when their metrics are asked for at once, now or at a day, then each group gets what `metrics` answers for it', async () => {
    const groups = new Map([
      ['tokmok', ['city/tokmok']],
      ['chuy', ['region/chuy', 'city/tokmok', 'district/ysyk-ata']],
      ['nowhere', []],
    ]);
    for (const day of [undefined, '2025-02-14', '2025-03-31']) {
      const together = await queries.metricsOfUnitGroups(groups, day);
      for (const [key, unitIds] of groups)
        expect(together.get(key)).toEqual(await queries.metrics(unitIds, day));
    }
  });
});
