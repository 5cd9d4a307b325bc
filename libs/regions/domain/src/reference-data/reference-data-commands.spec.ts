import { describe, expect, it } from '@jest/globals';
import type { Command, Decider, DomainEvent } from '@redtape/event-sourcing';
import { readFileSync } from 'node:fs';
import { authorityDecider } from '../authorities/authority-decider.js';
import { reformStageDecider } from '../reform-stages/reform-stage-decider.js';
import { unitStream } from '../streams.js';
import { unitDecider } from '../units/unit-decider.js';
import type { UnitRegisteredData } from '../units/unit-events.js';
import { InvalidReferenceData } from './invalid-reference-data.js';
import type { KgAdminUnitsDataset } from './kg-admin-units-dataset.js';
import { referenceDataCommands, type ReferenceDataCommand } from './reference-data-commands.js';

const rawDataset: unknown = JSON.parse(
  readFileSync(
    new URL('../../../../../apps/regions/reference-data/kg-admin-units.json', import.meta.url),
    'utf8',
  ),
);
const dataset = rawDataset as KgAdminUnitsDataset;
const now = new Date('2026-11-27T08:00:00Z');
const commands = referenceDataCommands(dataset, { now });

const PILOT_UNITS = [
  'city/tokmok',
  'city/naryn',
  'district/nookat',
  'district/batken',
  'district/tup',
  'region/jalal-abad',
  'region/talas',
];

const UNIT_COLLECTIONS = [
  'regions',
  'citiesOfRepublicanSignificance',
  'districts',
  'bishkekCityDistricts',
  'citiesOfRegionalSignificance',
];

const registrations = commands.flatMap(({ command }) =>
  command.type === 'RegisterUnit' ? [command.data] : [],
);
const authorities = commands.flatMap(({ command }) =>
  command.type === 'EstablishAuthority' ? [command.data] : [],
);
const enrollments = commands.flatMap((item) => (item.command.type === 'EnrollUnitInPilot' ? [item] : []));
const unit = (unitId: string): UnitRegisteredData => {
  const found = registrations.find((registration) => registration.unitId === unitId);
  if (!found) throw new Error(`${unitId} was not registered`);
  return found;
};
const countBy = <T>(items: readonly T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>(
    (counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }),
    {},
  );

function countUnconfirmedFlags(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countUnconfirmedFlags(item), 0);
  if (typeof value !== 'object' || value === null) return 0;
  const own = (value as Record<string, unknown>)['unconfirmed'] === true ? 1 : 0;
  return Object.values(value).reduce((sum: number, item) => sum + countUnconfirmedFlags(item), own);
}

type AnyDecider = Decider<Command, DomainEvent, unknown>;
const deciderOf = (command: ReferenceDataCommand['command']): AnyDecider => {
  switch (command.type) {
    case 'StartReformStage':
      return reformStageDecider as unknown as AnyDecider;
    case 'RegisterUnit':
    case 'EnrollUnitInPilot':
      return unitDecider as unknown as AnyDecider;
    case 'EstablishAuthority':
      return authorityDecider as unknown as AnyDecider;
  }
};

/** Decides each command on its stream's folded state, as a load would; returns what each decided. */
function load(items: readonly ReferenceDataCommand[], states = new Map<string, unknown>()) {
  const decided = items.map(({ streamId, command }) => {
    const decider = deciderOf(command);
    const events = decider.decide(
      command,
      states.has(streamId) ? states.get(streamId) : decider.initialState(),
    );
    states.set(streamId, events.reduce(decider.evolve, states.get(streamId) ?? decider.initialState()));
    return events;
  });
  return { decided, states };
}

describe('commands from the reference data', () => {
  it('registers 68 units: the country, 7 regions, 16 cities and 44 districts', () => {
    expect(registrations).toHaveLength(68);
    expect(countBy(registrations, (registration) => registration.kind)).toEqual({
      COUNTRY: 1,
      REGION: 7,
      CITY: 16,
      DISTRICT: 44,
    });
  });

  it('registers Bishkek and Osh as cities under the country', () => {
    for (const unitId of ['city/bishkek', 'city/osh'])
      expect(unit(unitId)).toMatchObject({
        kind: 'CITY',
        category: 'city-of-republican-significance',
        parentId: 'country/kg',
      });
  });

  it('registers the 14 cities of regional significance as cities under their regions', () => {
    const cities = registrations.filter(
      (registration) => registration.category === 'city-of-regional-significance',
    );
    expect(cities).toHaveLength(14);
    for (const city of cities) {
      expect(city.kind).toBe('CITY');
      expect(city.parentId).toMatch(/^region\//);
    }
    expect(unit('city/tokmok').parentId).toBe('region/chuy');
  });

  it('registers the 40 rural districts under their regions and Bishkek’s 4 city districts under Bishkek', () => {
    const districts = registrations.filter((registration) => registration.category === 'district');
    const cityDistricts = registrations.filter((registration) => registration.category === 'city-district');
    expect(districts).toHaveLength(40);
    expect(cityDistricts.map((district) => district.parentId)).toEqual(Array(4).fill('city/bishkek'));
    expect(unit('district/tup').parentId).toBe('region/issyk-kul');
    expect(countBy(districts, (district) => district.parentId ?? '')).toEqual({
      'region/batken': 3,
      'region/chuy': 8,
      'region/issyk-kul': 5,
      'region/jalal-abad': 8,
      'region/naryn': 5,
      'region/osh': 7,
      'region/talas': 4,
    });
  });

  it('establishes one default authority for each of the 68 units', () => {
    expect(authorities).toHaveLength(68);
    expect(new Set(authorities.map((authority) => authority.unitId))).toEqual(
      new Set(registrations.map((r) => r.unitId)),
    );
    expect(authorities.map((authority) => authority.authorityId)).toEqual(
      expect.arrayContaining([
        'cabinet/kg',
        'regional-administration/talas',
        'mayors-office/tokmok',
        'district-akimat/nookat',
        'district-administration/bishkek-lenin',
      ]),
    );
  });

  it('starts reform stage 1 without a date, saying why, and stage 2 on 2026-01-15', () => {
    const stages = commands.flatMap(({ command }) =>
      command.type === 'StartReformStage' ? [command.data] : [],
    );
    expect(stages).toMatchObject([
      { stage: 1, scope: 'CENTRAL', startedOn: null, note: expect.stringContaining('no start date') },
      { stage: 2, scope: 'REGIONAL', startedOn: '2026-01-15' },
    ]);
  });

  it('enrolls exactly the seven pilot units in stage 2 on 2026-01-15', () => {
    expect(enrollments.map(({ streamId }) => streamId)).toEqual(PILOT_UNITS.map(unitStream));
    for (const { command } of enrollments)
      expect(command.data).toEqual({ stage: 2, enrolledOn: '2026-01-15', stageStartedOn: '2026-01-15' });
  });

  it('orders the commands: reform stages, then units, then authorities, then enrollments', () => {
    const order = ['StartReformStage', 'RegisterUnit', 'EstablishAuthority', 'EnrollUnitInPilot'];
    const ranks = commands.map(({ command }) => order.indexOf(command.type));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('registers every parent before its children', () => {
    const registered = new Set<string>();
    for (const registration of registrations) {
      if (registration.parentId !== null) expect(registered).toContain(registration.parentId);
      registered.add(registration.unitId);
    }
  });

  it('gives every command a unique, valid command id made from the data set, version, action and id', () => {
    const ids = commands.map(({ command }) => command.metadata.commandId);
    expect(new Set(ids).size).toBe(commands.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/);
    expect(ids).toContain('kg-admin-units:1.0:register:city.tokmok');
  });

  it('makes the same command ids on every load, whenever it runs', () =>
    expect(
      referenceDataCommands(dataset, { now: new Date('2027-01-01') }).map(
        ({ command }) => command.metadata.commandId,
      ),
    ).toEqual(commands.map(({ command }) => command.metadata.commandId)));

  it('sends every command as the reference data loader, with a reason naming the data set and version', () => {
    for (const { command } of commands) {
      expect(command.metadata.actor).toEqual({ id: 'system', role: 'system', name: 'reference data loader' });
      expect(command.metadata.reason).toContain('kg-admin-units');
      expect(command.metadata.reason).toContain('1.0');
      expect(command.metadata.now).toBe(now);
    }
  });

  it('notes that Kara-Balta and Kant are themselves unconfirmed', () => {
    for (const unitId of ['city/kara-balta', 'city/kant'])
      expect(unit(unitId).dataQuality).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'unit' })]),
      );
    expect(unit('city/tokmok').dataQuality.map((quality) => quality.field)).not.toContain('unit');
  });

  it('keeps a data-quality note for every fact the data marks unconfirmed', () => {
    const notes = registrations.flatMap((registration) => registration.dataQuality);
    const unitCollections = ['country', ...UNIT_COLLECTIONS].map(
      (key) => (rawDataset as Record<string, unknown>)[key],
    );
    expect(notes.length).toBeGreaterThan(68);
    expect(notes).toHaveLength(countUnconfirmedFlags(unitCollections));
    expect(unit('district/aksy').dataQuality.map((quality) => quality.field)).toEqual(['names.ky', 'soate']);
    expect(unit('region/chuy').dataQuality.map((quality) => quality.field)).toContain('adminCenter');
  });

  it('gives district/tup the spellings Tyup, Tüp and Тюп', () =>
    expect(unit('district/tup').aliases).toEqual(expect.arrayContaining(['Tyup', 'Tüp', 'Тюп'])));

  it('folds through the deciders without breaking a rule', () => expect(() => load(commands)).not.toThrow());

  it('decides exactly one event for each command of a first load', () =>
    expect(load(commands).decided.map((events) => events.length)).toEqual(commands.map(() => 1)));

  it('decides nothing new when the same data is loaded a second time', () => {
    const { states } = load(commands);
    expect(load(commands, states).decided.flat()).toEqual([]);
  });

  it('refuses data whose pilot names a unit that is not in it', () =>
    expect(() =>
      referenceDataCommands(
        { ...dataset, pilot: { units: [{ label: 'Atlantis', unitId: 'city/atlantis' }] } },
        { now },
      ),
    ).toThrow(InvalidReferenceData));

  it('refuses data with a unit whose parent is not in it', () =>
    expect(() => referenceDataCommands({ ...dataset, regions: dataset.regions.slice(1) }, { now })).toThrow(
      InvalidReferenceData,
    ));
});
