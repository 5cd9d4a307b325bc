import { describe, expect, it } from '@jest/globals';
import type { EventEnvelope } from './envelope.js';
import {
  IntegrationMappingFailed,
  InvalidIntegrationContract,
  UnmappedEventType,
  assertValidCatalog,
  assertValidContext,
  assertValidFilter,
  toIntegrationEvent,
  withCommonPart,
  type IntegrationEventCatalog,
} from './integration-events.js';

function envelope(overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    id: '6f1c7a52-8d0e-4a57-9c1b-2f3e4d5a6b7c',
    type: 'ProcedureRegistered',
    schemaVersion: 1,
    streamId: 'procedure-42',
    revision: 0n,
    position: 17n,
    data: { title: 'Building permit', decisionDays: 30, legalBasis: 'Law 12', draftedBy: 'internal-tool' },
    metadata: {
      schemaVersion: 1,
      actor: { id: 'official-7', role: 'official', unitId: 'district/nookat', name: 'A. Official' },
      commandId: 'command-1',
      correlationId: 'correlation-1',
      causationId: 'causation-1',
      occurredAt: '2025-03-01T08:30:00.000Z',
      reason: 'pilot stage 2',
      legalBasis: 'Resolution No. 10a',
    },
    recordedAt: new Date('2025-03-01T08:30:01.000Z'),
    ...overrides,
  };
}

const catalog: IntegrationEventCatalog = {
  ProcedureRegistered: {
    version: 2,
    map: ({ streamId, data }) => ({
      procedureId: streamId.slice('procedure-'.length),
      title: data['title'] ?? null,
      decisionDays: data['decisionDays'] ?? null,
      procedureLegalBasis: data['legalBasis'] ?? null,
    }),
  },
};

describe('toIntegrationEvent', () => {
  it('publishes what the mapping picks plus who acted, why and when, and nothing else', () => {
    expect(toIntegrationEvent('procedures', catalog, envelope())).toEqual({
      type: 'ProcedureRegistered',
      version: 2,
      data: {
        procedureId: '42',
        title: 'Building permit',
        decisionDays: 30,
        procedureLegalBasis: 'Law 12',
        actor: { id: 'official-7', role: 'official', unitId: 'district/nookat' },
        reason: 'pilot stage 2',
        legalBasis: 'Resolution No. 10a',
        occurredAt: '2025-03-01T08:30:00.000Z',
      },
    });
  });

  it('leaves out the common fields the stored metadata does not hold', () => {
    const { data } = toIntegrationEvent(
      'procedures',
      catalog,
      envelope({
        metadata: {
          schemaVersion: 1,
          actor: { id: 'system', role: 'system' },
          commandId: 'c',
          correlationId: 'c',
          causationId: 'c',
          occurredAt: '2025-03-02T00:00:00.000Z',
        },
      }),
    );
    expect(data).toEqual({
      procedureId: '42',
      title: 'Building permit',
      decisionDays: 30,
      procedureLegalBasis: 'Law 12',
      actor: { id: 'system', role: 'system' },
      occurredAt: '2025-03-02T00:00:00.000Z',
    });
  });

  it('refuses an event type the catalog has no entry for, naming the event', () => {
    const unmapped = envelope({ type: 'ProcedureAbolished', id: 'e-9', position: 99n });
    expect(() => toIntegrationEvent('procedures', catalog, unmapped)).toThrow(UnmappedEventType);
    expect(() => toIntegrationEvent('procedures', catalog, unmapped)).toThrow(
      /context "procedures" has no integration event for ProcedureAbolished \(event e-9 at position 99\)/,
    );
  });

  it('takes no mapping from the prototype of the catalog object', () => {
    for (const type of ['toString', 'constructor', 'hasOwnProperty'])
      expect(() => toIntegrationEvent('procedures', catalog, envelope({ type }))).toThrow(UnmappedEventType);
  });

  it('refuses a mapping that returns a field of the common part instead of silently replacing it', () => {
    const leaky: IntegrationEventCatalog = {
      ProcedureRegistered: { version: 1, map: ({ data }) => ({ legalBasis: data['legalBasis'] ?? null }) },
    };
    expect(() => toIntegrationEvent('procedures', leaky, envelope())).toThrow(IntegrationMappingFailed);
    expect(() => toIntegrationEvent('procedures', leaky, envelope())).toThrow(/returned legalBasis/);
  });

  it('reports a mapping that throws or returns something other than an object', () => {
    const throwing: IntegrationEventCatalog = {
      ProcedureRegistered: {
        version: 1,
        map: () => {
          throw new Error('no title');
        },
      },
    };
    const notAnObject = {
      ProcedureRegistered: { version: 1, map: () => ['a'] },
    } as unknown as IntegrationEventCatalog;
    expect(() => toIntegrationEvent('procedures', throwing, envelope())).toThrow(
      /could not map ProcedureRegistered .*: no title/,
    );
    expect(() => toIntegrationEvent('procedures', notAnObject, envelope())).toThrow(
      /did not return an object/,
    );
  });
});

describe('withCommonPart', () => {
  it('never publishes the display name of the actor', () => {
    expect(withCommonPart({}, envelope())['actor']).toEqual({
      id: 'official-7',
      role: 'official',
      unitId: 'district/nookat',
    });
  });
});

describe('contract validation', () => {
  it('accepts lower-case hyphenated context names only', () => {
    for (const good of ['regions', 'procedures', 'test-1a2b3c4d'])
      expect(() => assertValidContext(good)).not.toThrow();
    for (const bad of ['', 'Regions', 'a.b', 'a b', '-x', 'x-', '9x', 'x'.repeat(61)])
      expect(() => assertValidContext(bad)).toThrow(InvalidIntegrationContract);
  });

  it('requires a positive integer version and a map function per entry', () => {
    const noVersion = { A: { version: 0, map: () => ({}) } };
    const noMap = { A: { version: 1 } } as unknown as IntegrationEventCatalog;
    expect(() => assertValidCatalog('x', noVersion)).toThrow(/A needs a version/);
    expect(() => assertValidCatalog('x', noMap)).toThrow(/A needs a map function/);
  });

  it('requires the stream prefixes of the context', () => {
    expect(() => assertValidFilter('x', undefined as never)).toThrow(InvalidIntegrationContract);
    expect(() => assertValidFilter('x', { streamPrefixes: [] })).toThrow(InvalidIntegrationContract);
    expect(() => assertValidFilter('x', { streamPrefixes: ['procedure-'] })).not.toThrow();
  });
});
