import { describe, expect, it } from '@jest/globals';
import {
  ceTypeOf,
  INTEGRATION_CONTEXTS,
  INTEGRATION_EVENT_CATALOGS,
  validateIntegrationEvent,
  type IntegrationContext,
} from './index.js';
import { COMMON_PARTS, STORED_SAMPLES } from './testing/integration-event-samples.js';

type Mapping = { version: number; map(event: { streamId: string; data: object }): Record<string, unknown> };

const mappingOf = (context: IntegrationContext, type: string): Mapping =>
  (INTEGRATION_EVENT_CATALOGS[context] as unknown as Record<string, Mapping>)[type]!;

/** The record value the relay publishes: the mapped, event-specific part plus the common part. */
const cases = INTEGRATION_CONTEXTS.flatMap((context) =>
  Object.entries(STORED_SAMPLES[context]).flatMap(([type, samples]) =>
    samples.flatMap((sample, i) =>
      COMMON_PARTS.map((common, j) => {
        const { version, map } = mappingOf(context, type);
        return {
          name: `${ceTypeOf(context, type, version)} (sample ${i + 1}, common part ${j + 1})`,
          context,
          ceType: ceTypeOf(context, type, version),
          mapped: map(sample),
          value: { ...map(sample), ...common } as Record<string, unknown>,
        };
      }),
    ),
  ),
);

const sampleOf = (ceType: string) => cases.find((c) => c.ceType === ceType)!;

describe('integration event values', () => {
  it('have samples for every event type of every catalog', () => {
    for (const context of INTEGRATION_CONTEXTS)
      expect(Object.keys(STORED_SAMPLES[context]).sort()).toEqual(
        Object.keys(INTEGRATION_EVENT_CATALOGS[context]).sort(),
      );
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s fits its schema', (_name, { context, ceType, value }) =>
    expect(validateIntegrationEvent(context, ceType, value)).toEqual({ valid: true }),
  );

  it.each(cases.map((c) => [c.name, c] as const))('%s names no field the relay adds', (_name, { mapped }) =>
    expect(
      Object.keys(mapped).filter((key) => ['actor', 'reason', 'legalBasis', 'occurredAt'].includes(key)),
    ).toEqual([]),
  );

  describe('that break the contract', () => {
    const { context, ceType, value } = sampleOf('redtape.procedures.FeeChanged.v1');

    it('are refused with a field nobody declared, and say which', () =>
      expect(validateIntegrationEvent(context, ceType, { ...value, internalNote: 'x' })).toEqual({
        valid: false,
        errors: ['(value) must NOT have additional properties: internalNote'],
      }));

    it('are refused without who acted or when', () => {
      const { actor: _actor, occurredAt: _occurredAt, ...anonymous } = value;
      expect(validateIntegrationEvent(context, ceType, anonymous)).toEqual({
        valid: false,
        errors: [
          "(value) must have required property 'actor'",
          "(value) must have required property 'occurredAt'",
        ],
      });
    });

    it('are refused with a null reason: the relay leaves a missing one out', () =>
      expect(validateIntegrationEvent(context, ceType, { ...value, reason: null })).toEqual({
        valid: false,
        errors: ['/reason must be string'],
      }));

    it('are refused with a fee in som instead of whole tyiyn', () =>
      expect(
        validateIntegrationEvent(context, ceType, { ...value, fee: { amountTyiyn: 12.5, currency: 'KGS' } }),
      ).toMatchObject({
        valid: false,
        errors: expect.arrayContaining(['/fee/amountTyiyn must be integer']),
      }));

    it('are refused with an actor in a role the system does not know', () =>
      expect(
        validateIntegrationEvent(context, ceType, { ...value, actor: { id: 'x', role: 'citizen' } }),
      ).toMatchObject({
        valid: false,
        errors: expect.arrayContaining(['/actor/role must be equal to one of the allowed values']),
      }));

    it('are refused with a day that is no date', () => {
      const enrolled = sampleOf('redtape.regions.UnitEnrolledInPilot.v1');
      expect(
        validateIntegrationEvent('regions', enrolled.ceType, { ...enrolled.value, enrolledOn: '2026-02-30' }),
      ).toEqual({ valid: false, errors: ['/enrolledOn must match format "date"'] });
    });
  });

  describe('checked against the wrong contract', () => {
    const { value } = sampleOf('redtape.procedures.FeeChanged.v1');

    it('are refused on another context’s topic', () =>
      expect(validateIntegrationEvent('regions', 'redtape.procedures.FeeChanged.v1', value)).toEqual({
        valid: false,
        errors: ['redtape.procedures.FeeChanged.v1 belongs to procedures, not regions'],
      }));

    it('are refused under a version that has no schema', () =>
      expect(validateIntegrationEvent('procedures', 'redtape.procedures.FeeChanged.v2', value)).toEqual({
        valid: false,
        errors: ['no JSON Schema for redtape.procedures.FeeChanged.v2 under contracts/schemas/'],
      }));

    it('are refused under a type that is not redtape’s', () =>
      expect(validateIntegrationEvent('procedures', 'com.example.FeeChanged', value)).toEqual({
        valid: false,
        errors: ['com.example.FeeChanged is not a redtape integration event type'],
      }));
  });
});
