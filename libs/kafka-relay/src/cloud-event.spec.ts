import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@redtape/event-store';
import { fromKafkaMessage, toKafkaRecord, topicFor } from './cloud-event.js';
import { IntegrationMappingFailed, UnmappedEventType } from './integration-events.js';
import { testContract, testMetadata } from './testing/test-contract.js';

const contract = testContract('cases');

function recorded(overrides: Partial<RecordedEvent> = {}): RecordedEvent {
  return {
    id: '0b6f3c1e-2a4d-4e5f-8a9b-0c1d2e3f4a5b',
    type: 'CaseNoted',
    streamId: 'case-17',
    revision: 3n,
    position: 9_007_199_254_740_993n,
    data: { text: 'called the akimat', seq: 3, internalScore: 42 },
    metadata: testMetadata({ correlationId: 'corr-1', causationId: 'cause-1' }),
    recordedAt: new Date('2025-03-01T08:30:01.000Z'),
    ...overrides,
  };
}

describe('toKafkaRecord', () => {
  it('makes a binary-mode CloudEvent keyed by the stream, valued by the integration event', () => {
    const record = toKafkaRecord(recorded(), contract);

    expect(record.key).toBe('case-17');
    expect(JSON.parse(record.value)).toEqual({
      note: 'called the akimat',
      seq: 3,
      actor: { id: 'official-7', role: 'official', unitId: 'district/nookat' },
      reason: 'pilot stage 2',
      legalBasis: 'Resolution No. 10a',
      occurredAt: '2025-03-01T08:30:00.000Z',
    });
    expect(record.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: '0b6f3c1e-2a4d-4e5f-8a9b-0c1d2e3f4a5b',
      ce_source: '/redtape/cases',
      ce_type: 'redtape.cases.CaseNoted.v2',
      ce_time: '2025-03-01T08:30:00.000Z',
      ce_subject: 'case-17',
      'content-type': 'application/json',
      redtape_stream_revision: '3',
      redtape_global_position: '9007199254740993',
      redtape_correlation_id: 'corr-1',
      redtape_causation_id: 'cause-1',
    });
  });

  it('publishes to one topic per context', () => {
    expect(topicFor('procedures')).toBe('redtape.procedures.events.v1');
  });

  it('upcasts the stored event before mapping it, and versions the type by the integration event', () => {
    const v1 = toKafkaRecord(recorded({ metadata: testMetadata({ schemaVersion: 1 }) }), contract);
    const v2 = toKafkaRecord(
      recorded({ data: { note: 'called the akimat', seq: 3 }, metadata: testMetadata({ schemaVersion: 2 }) }),
      contract,
    );
    expect(JSON.parse(v1.value)).toEqual(JSON.parse(v2.value));
    expect(v1.headers['ce_type']).toBe('redtape.cases.CaseNoted.v2');
  });

  it('takes the time from recordedAt and leaves out the ids that events without metadata lack', () => {
    const bare = toKafkaRecord(recorded({ type: 'CaseClosed', metadata: {} }), contract);
    expect(bare.headers['ce_time']).toBe('2025-03-01T08:30:01.000Z');
    expect(bare.headers).not.toHaveProperty('redtape_correlation_id');
    expect(bare.headers).not.toHaveProperty('redtape_causation_id');
    expect(JSON.parse(bare.value)).toEqual({});
  });

  it('refuses a stored type without a mapping and a schema version the upcasters do not know', () => {
    expect(() => toKafkaRecord(recorded({ type: 'CaseArchived' }), contract)).toThrow(UnmappedEventType);
    expect(() => toKafkaRecord(recorded({ metadata: testMetadata({ schemaVersion: 3 }) }), contract)).toThrow(
      IntegrationMappingFailed,
    );
  });
});

describe('fromKafkaMessage', () => {
  it('reads back every attribute from the bytes a consumer receives', () => {
    const record = toKafkaRecord(recorded(), contract);
    const received = fromKafkaMessage({
      key: Buffer.from(record.key),
      value: Buffer.from(record.value),
      headers: Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k, Buffer.from(v)])),
    });
    expect(received).toEqual({
      key: 'case-17',
      specversion: '1.0',
      id: '0b6f3c1e-2a4d-4e5f-8a9b-0c1d2e3f4a5b',
      source: '/redtape/cases',
      type: 'redtape.cases.CaseNoted.v2',
      time: '2025-03-01T08:30:00.000Z',
      subject: 'case-17',
      contentType: 'application/json',
      streamRevision: 3n,
      globalPosition: 9_007_199_254_740_993n,
      correlationId: 'corr-1',
      causationId: 'cause-1',
      data: JSON.parse(record.value),
    });
  });

  it('refuses a message that is not a CloudEvent', () => {
    expect(() => fromKafkaMessage({ key: 'k', value: '{}', headers: {} })).toThrow(
      /no ce_specversion header/,
    );
  });
});
