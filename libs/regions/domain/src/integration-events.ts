/**
 * What the regions context publishes to Kafka: every stored event mapped explicitly, field by field,
 * into a versioned integration event (CloudEvent type `redtape.regions.<EventType>.v<version>`). The
 * relay adds who, why and when (actor, reason, legalBasis, occurredAt) from the metadata; nothing
 * else leaves by accident. A changed shape is a new version here and a new JSON Schema in
 * contracts/schemas/regions/.
 */
import type { DomainEvent } from '@redtape/event-sourcing';
import type { RegionsEvent } from './regions-messages.js';
import type { LocalizedNames } from './shared/localized-names.js';
import { unitIdOfStream } from './streams.js';

type JsonObject = DomainEvent['data'];

/** The part of a stored, upcast event a mapping reads; an EventEnvelope has it, so the relay passes one. */
type Source<E extends RegionsEvent> = { readonly streamId: string; readonly data: E['data'] };

type TypedCatalog = {
  readonly [T in RegionsEvent['type']]: {
    readonly version: number;
    map(event: Source<Extract<RegionsEvent, { type: T }>>): JsonObject;
  };
};

/** One entry per event type: the integration event's version and its event-specific part. */
export type RegionsIntegrationEventCatalog = {
  readonly [T in RegionsEvent['type']]: {
    readonly version: number;
    map(event: { readonly streamId: string; readonly data: JsonObject }): JsonObject;
  };
};

/** Every language in every event, missing translations as null, so consumers see one shape. */
const names = (localized: LocalizedNames): { en: string; ru: string | null; ky: string | null } => ({
  en: localized.en,
  ru: localized.ru ?? null,
  ky: localized.ky ?? null,
});

const mappings = {
  UnitRegistered: {
    version: 1,
    map: ({ data }) => ({
      unitId: data.unitId,
      kind: data.kind,
      category: data.category,
      names: names(data.names),
      isoCode: data.isoCode,
      soate: data.soate,
      parentUnitId: data.parentId,
      aliases: [...data.aliases],
      dataQuality: data.dataQuality.map(({ field, note }) => ({ field, note })),
      notes: data.notes,
    }),
  },
  UnitRenamed: {
    version: 1,
    map: ({ streamId, data }) => ({
      unitId: unitIdOfStream(streamId),
      previousNames: names(data.from),
      names: names(data.to),
    }),
  },
  UnitEnrolledInPilot: {
    version: 1,
    map: ({ streamId, data }) => ({
      unitId: unitIdOfStream(streamId),
      reformStage: data.stage,
      enrolledOn: data.enrolledOn,
    }),
  },
  UnitWithdrawnFromPilot: {
    version: 1,
    map: ({ streamId, data }) => ({
      unitId: unitIdOfStream(streamId),
      reformStage: data.stage,
      withdrawnOn: data.withdrawnOn,
    }),
  },
  AuthorityEstablished: {
    version: 1,
    map: ({ data }) => ({
      authorityId: data.authorityId,
      unitId: data.unitId,
      kind: data.kind,
      level: data.level,
      name: data.name,
      names: names(data.names),
    }),
  },
  ReformStageStarted: {
    version: 1,
    map: ({ data }) => ({
      reformStage: data.stage,
      title: data.title,
      scope: data.scope,
      startedOn: data.startedOn,
      note: data.note,
    }),
  },
} satisfies TypedCatalog;

/** The data each published event carries (before the common part), as its mapping builds it. */
export type RegionsIntegrationData = {
  readonly [T in keyof typeof mappings]: ReturnType<(typeof mappings)[T]['map']>;
};

/**
 * The regions catalog for the Kafka relay. Each mapping is typed against its own event above; the
 * relay looks an entry up by the stored event's type, so the data it passes is that event's data.
 */
export const regionsIntegrationEvents: RegionsIntegrationEventCatalog = mappings;
