import { describe, expect, it } from '@jest/globals';
import { regionsIntegrationEvents } from './integration-events.js';
import { REGIONS_EVENT_TYPES, type RegionsEvent } from './regions-messages.js';
import { authorityStream, reformStageStream, unitStream } from './streams.js';

type Sample<T extends RegionsEvent['type']> = {
  streamId: string;
  data: Extract<RegionsEvent, { type: T }>['data'];
  expected: Record<string, unknown>;
};

const talas = { en: 'Talas', ru: 'Таласская область', ky: 'Талас облусу' };

/** One stored event of every type and exactly what analytics receive for it (before the common part). */
const samples: { [T in RegionsEvent['type']]: Sample<T> } = {
  UnitRegistered: {
    streamId: unitStream('region/talas'),
    data: {
      unitId: 'region/talas',
      kind: 'REGION',
      category: 'region',
      names: talas,
      isoCode: 'KG-T',
      soate: '41707000000000',
      parentId: 'country/kg',
      aliases: ['Talas oblast', 'Талас'],
      dataQuality: [{ field: 'soate', note: 'from third-party data' }],
      notes: "'Talas' is also a city, a district and a river.",
    },
    expected: {
      unitId: 'region/talas',
      kind: 'REGION',
      category: 'region',
      names: talas,
      isoCode: 'KG-T',
      soate: '41707000000000',
      parentUnitId: 'country/kg',
      aliases: ['Talas oblast', 'Талас'],
      dataQuality: [{ field: 'soate', note: 'from third-party data' }],
      notes: "'Talas' is also a city, a district and a river.",
    },
  },
  UnitRenamed: {
    streamId: unitStream('city/jalal-abad'),
    data: { from: { en: 'Jalal-Abad' }, to: { en: 'Manas', ky: 'Манас' } },
    expected: {
      unitId: 'city/jalal-abad',
      previousNames: { en: 'Jalal-Abad', ru: null, ky: null },
      names: { en: 'Manas', ru: null, ky: 'Манас' },
    },
  },
  UnitEnrolledInPilot: {
    streamId: unitStream('city/tokmok'),
    data: { stage: 2, enrolledOn: '2026-01-15' },
    expected: { unitId: 'city/tokmok', reformStage: 2, enrolledOn: '2026-01-15' },
  },
  UnitWithdrawnFromPilot: {
    streamId: unitStream('district/tup'),
    data: { stage: 2, withdrawnOn: '2026-03-02' },
    expected: { unitId: 'district/tup', reformStage: 2, withdrawnOn: '2026-03-02' },
  },
  AuthorityEstablished: {
    streamId: authorityStream('district-akimat/nookat'),
    data: {
      authorityId: 'district-akimat/nookat',
      unitId: 'district/nookat',
      kind: 'DISTRICT_AKIMAT',
      level: 'DISTRICT',
      name: 'Nookat District Akimat',
      names: { en: 'Nookat District Akimat', ru: 'Ноокатская районная госадминистрация' },
    },
    expected: {
      authorityId: 'district-akimat/nookat',
      unitId: 'district/nookat',
      kind: 'DISTRICT_AKIMAT',
      level: 'DISTRICT',
      name: 'Nookat District Akimat',
      names: { en: 'Nookat District Akimat', ru: 'Ноокатская районная госадминистрация', ky: null },
    },
  },
  ReformStageStarted: {
    streamId: reformStageStream(1),
    data: {
      stage: 1,
      title: 'Debureaucratization of central government bodies',
      scope: 'CENTRAL',
      startedOn: null,
      note: 'The sources give no start date.',
    },
    expected: {
      reformStage: 1,
      title: 'Debureaucratization of central government bodies',
      scope: 'CENTRAL',
      startedOn: null,
      note: 'The sources give no start date.',
    },
  },
};

const sampleOf = (
  type: RegionsEvent['type'],
): { streamId: string; data: RegionsEvent['data']; expected: unknown } => samples[type];

describe('the regions integration events', () => {
  it('map every event type the context publishes, and nothing else', () =>
    expect(Object.keys(regionsIntegrationEvents).sort()).toEqual([...REGIONS_EVENT_TYPES].sort()));

  it.each(REGIONS_EVENT_TYPES)('publish %s as version 1', (type) =>
    expect(regionsIntegrationEvents[type].version).toBe(1),
  );

  it.each(REGIONS_EVENT_TYPES)('map a stored %s field by field', (type) => {
    const { streamId, data, expected } = sampleOf(type);
    expect(regionsIntegrationEvents[type].map({ streamId, data })).toStrictEqual(expected);
  });

  it.each(REGIONS_EVENT_TYPES)('let no field of a stored %s out that the mapping does not name', (type) => {
    const { streamId, data, expected } = sampleOf(type);
    const withExtra = { ...data, internalNote: 'for the decider only' };
    expect(regionsIntegrationEvents[type].map({ streamId, data: withExtra })).toStrictEqual(expected);
  });

  it('take the stored event whole from an envelope, as the relay passes it', () => {
    const { streamId, data, expected } = samples.UnitEnrolledInPilot;
    const envelope = { id: 'e-1', type: 'UnitEnrolledInPilot', schemaVersion: 1, streamId, data };
    expect(regionsIntegrationEvents.UnitEnrolledInPilot.map(envelope)).toStrictEqual(expected);
  });
});
