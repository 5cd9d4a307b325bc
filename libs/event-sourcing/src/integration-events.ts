import type { EventFilter, JsonObject, JsonValue, RecordedEvent } from '@redtape/event-store';
import type { EventEnvelope } from './envelope.js';
import { toEnvelope } from './event-codec.js';
import { UpcasterRegistry } from './upcasting.js';
import { assertJsonSerializable } from './assert-json.js';

/**
 * How one stored event type is published: the integration event's own schema version (it is part
 * of the CloudEvent type, so a consumer can tell shapes apart) and an explicit mapping from the
 * upcast stored event to the published data. Only what `map` returns leaves the context; it returns
 * the event's own fields, and the relay adds the part every integration event carries (see
 * `withCommonPart`), so `map` must not return `actor`, `reason`, `legalBasis` or `occurredAt`.
 */
export interface IntegrationEventDefinition {
  readonly version: number;
  map(envelope: EventEnvelope): JsonObject;
}

/**
 * What a context publishes, keyed by stored event type. A stored type without an entry is an error
 * the relay stops on: nothing is published unless a mapping says so.
 */
export type IntegrationEventCatalog = Readonly<Record<string, IntegrationEventDefinition>>;

/**
 * What a bounded context supplies to publish its events: its name (in the topic, the CloudEvent
 * source and type), the streams it owns, the catalog, and the upcasters its stored events need.
 */
export interface IntegrationContract {
  readonly context: string;
  readonly filter: EventFilter;
  readonly catalog: IntegrationEventCatalog;
  /** Defaults to an empty registry: every stored event at schema version 1. */
  readonly upcasters?: UpcasterRegistry;
}

/** An integration event ready to become a CloudEvent: the stored type, its published version and data. */
export interface IntegrationEvent {
  readonly type: string;
  readonly version: number;
  readonly data: JsonObject;
}

/** Fields of the common part; a catalog's `map` must leave them to the relay. */
export const COMMON_FIELDS = ['actor', 'reason', 'legalBasis', 'occurredAt'] as const;

// Lower-case words joined by hyphens: the context becomes part of a topic name and a URI path.
const CONTEXT = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_CONTEXT_LENGTH = 60;

/** The catalog has no entry for a stored event type of the context: the relay stops before it. */
export class UnmappedEventType extends Error {
  constructor(
    readonly context: string,
    readonly eventType: string,
    readonly eventId: string,
    readonly position: bigint,
  ) {
    super(
      `context "${context}" has no integration event for ${eventType} (event ${eventId} at position ` +
        `${position}); add it to the catalog, the relay publishes nothing it has no mapping for`,
    );
    this.name = new.target.name;
  }
}

/** A catalog entry (or the upcasting before it) failed for one stored event. */
export class IntegrationMappingFailed extends Error {
  constructor(
    readonly context: string,
    readonly eventType: string,
    readonly eventId: string,
    readonly position: bigint,
    reason: string,
    cause?: unknown,
  ) {
    super(
      `context "${context}" could not map ${eventType} (event ${eventId} at position ${position}): ${reason}`,
      { cause },
    );
    this.name = new.target.name;
  }
}

/** A catalog or context name that cannot work, found when the relay or a replay is set up. */
export class InvalidIntegrationContract extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export function assertValidContext(context: unknown): asserts context is string {
  if (typeof context !== 'string' || context.length > MAX_CONTEXT_LENGTH || !CONTEXT.test(context))
    throw new InvalidIntegrationContract(
      `context must be lower-case words joined by hyphens, at most ${MAX_CONTEXT_LENGTH} characters, ` +
        `got ${JSON.stringify(context)}`,
    );
}

export function assertValidCatalog(context: string, catalog: IntegrationEventCatalog): void {
  if (typeof catalog !== 'object' || catalog === null)
    throw new InvalidIntegrationContract(`context "${context}": the catalog must be an object`);
  for (const [type, definition] of Object.entries(catalog)) {
    if (!Number.isSafeInteger(definition?.version) || definition.version < 1)
      throw new InvalidIntegrationContract(
        `context "${context}": ${type} needs a version that is a positive integer, got ${String(definition?.version)}`,
      );
    if (typeof definition.map !== 'function')
      throw new InvalidIntegrationContract(`context "${context}": ${type} needs a map function`);
  }
}

/** A filter that selects some streams: without one the relay would publish every context's events. */
export function assertValidFilter(context: string, filter: EventFilter | undefined): void {
  const prefixes = filter?.streamPrefixes ?? [];
  if (prefixes.length === 0 || prefixes.some((prefix) => typeof prefix !== 'string' || prefix === ''))
    throw new InvalidIntegrationContract(
      `context "${context}": the filter must name the context's stream prefixes (e.g. ["procedure-"])`,
    );
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The part every integration event carries, taken from the stored event's metadata where it holds
 * it: who acted (`id`, `role` and, for officials, `unitId`; never the display name), why (`reason`,
 * `legalBasis`) and when (`occurredAt`). Throws when `mapped` already holds one of those fields:
 * a domain field of the same name (a procedure's own `legalBasis`, say) must be renamed by the
 * mapping rather than silently replaced.
 */
export function withCommonPart(mapped: JsonObject, envelope: EventEnvelope): JsonObject {
  const taken = COMMON_FIELDS.filter((field) => Object.hasOwn(mapped, field));
  if (taken.length > 0)
    throw new Error(
      `the mapping returned ${taken.join(', ')}, which the common part of every integration event ` +
        'adds itself; rename the field',
    );
  // Read defensively: events appended without the usual metadata still get what they have.
  const metadata = (envelope.metadata ?? {}) as unknown as Partial<Record<string, unknown>>;
  const common: Record<string, JsonValue> = {};
  const actor = metadata['actor'];
  if (isJsonObject(actor)) {
    const id = text(actor['id']);
    const role = text(actor['role']);
    const unitId = text(actor['unitId']);
    if (id !== undefined && role !== undefined)
      common['actor'] = unitId === undefined ? { id, role } : { id, role, unitId };
  }
  const reason = text(metadata['reason']);
  if (reason !== undefined) common['reason'] = reason;
  const legalBasis = text(metadata['legalBasis']);
  if (legalBasis !== undefined) common['legalBasis'] = legalBasis;
  const occurredAt = text(metadata['occurredAt']);
  if (occurredAt !== undefined) common['occurredAt'] = occurredAt;
  return { ...mapped, ...common };
}

/**
 * The integration event of one stored event (already upcast): the catalog's explicit mapping plus
 * the common part. Throws `UnmappedEventType` for a type the catalog does not know and
 * `IntegrationMappingFailed` when the mapping throws or returns something other than a JSON object.
 */
export function toIntegrationEvent(
  context: string,
  catalog: IntegrationEventCatalog,
  envelope: EventEnvelope,
): IntegrationEvent {
  // Own entries only: `toString` and friends are no mappings.
  const definition = Object.hasOwn(catalog, envelope.type) ? catalog[envelope.type] : undefined;
  if (!definition) throw new UnmappedEventType(context, envelope.type, envelope.id, envelope.position);
  const failed = (reason: string, cause?: unknown) =>
    new IntegrationMappingFailed(context, envelope.type, envelope.id, envelope.position, reason, cause);
  let mapped: unknown;
  try {
    mapped = definition.map(envelope);
  } catch (error) {
    throw failed(error instanceof Error ? error.message : String(error), error);
  }
  if (!isJsonObject(mapped)) throw failed('the mapping did not return an object');
  let data: JsonObject;
  try {
    data = withCommonPart(mapped, envelope);
    // Proves the data is JSON (no bigint, no cycle) before anything is sent.
    assertJsonSerializable(data);
  } catch (error) {
    throw failed(error instanceof Error ? error.message : String(error), error);
  }
  return { type: envelope.type, version: definition.version, data };
}

const noUpcasters = new UpcasterRegistry();

/** A stored event as its context publishes it: upcast by the owner's registry, then mapped by its catalog. */
export interface PublishedEvent {
  readonly envelope: EventEnvelope;
  readonly integration: IntegrationEvent;
}

/**
 * Stored event → upcast envelope → the catalog's integration event: the one way another context, the
 * Kafka relay or a replay reads a context's events. Throws `UnmappedEventType` or
 * `IntegrationMappingFailed`; never returns an event nobody mapped.
 */
export function publishedFormOf(
  recorded: RecordedEvent,
  contract: Pick<IntegrationContract, 'context' | 'catalog' | 'upcasters'>,
): PublishedEvent {
  let envelope: EventEnvelope;
  try {
    envelope = toEnvelope(recorded, contract.upcasters ?? noUpcasters);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IntegrationMappingFailed(
      contract.context,
      recorded.type,
      recorded.id,
      recorded.position,
      `upcasting failed: ${reason}`,
      error,
    );
  }
  return { envelope, integration: toIntegrationEvent(contract.context, contract.catalog, envelope) };
}

/** A published event whose data a context's catalog built for type `T` (`D` maps types to data). */
export type PublishedEventOf<D, T extends keyof D> = IntegrationEvent & {
  readonly type: T;
  readonly data: D[T];
};

/**
 * A type guard for one context's published events, typed by the data its mappings build: the
 * catalog keyed by type is what makes `event.type === type` enough to know the data's shape.
 */
export function publishedEventGuard<D>() {
  return <T extends keyof D & string>(event: IntegrationEvent, type: T): event is PublishedEventOf<D, T> =>
    event.type === type;
}
