import type { EventEnvelope } from '@redtape/event-sourcing';
import type { JsonObject, RecordedEvent } from '@redtape/event-store';
import { publishedFormOf, type IntegrationContract, type IntegrationEvent } from './integration-events.js';

/**
 * CloudEvents 1.0 in Kafka's binary content mode: the event's attributes travel as `ce_` headers,
 * the data is the message value, and `content-type` says how the value is encoded.
 */
export const CLOUD_EVENTS_SPEC_VERSION = '1.0';
export const CONTENT_TYPE = 'application/json';

export const HEADER = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  contentType: 'content-type',
  /** The store's zero-based revision of the event in its stream (the API's revision is this plus one). */
  streamRevision: 'redtape_stream_revision',
  globalPosition: 'redtape_global_position',
  correlationId: 'redtape_correlation_id',
  causationId: 'redtape_causation_id',
} as const;

/** The topic a context's events are published to. */
export function topicFor(context: string): string {
  return `redtape.${context}.events.v1`;
}

export function cloudEventSource(context: string): string {
  return `/redtape/${context}`;
}

/** Versioned by the integration event's schema version, not the stored one. */
export function cloudEventType(context: string, eventType: string, version: number): string {
  return `redtape.${context}.${eventType}.v${version}`;
}

/** A Kafka message as the relay sends it; structurally a kafkajs `Message`. */
export interface KafkaRecord {
  /** The stream id: Kafka keeps the order of one key, so each aggregate's events stay in order. */
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

function metadataText(envelope: EventEnvelope, field: string): string | undefined {
  const value = (envelope.metadata as unknown as Partial<Record<string, unknown>> | undefined)?.[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The CloudEvent (binary mode) of a stored event whose integration event has been mapped. */
export function toCloudEventRecord(
  context: string,
  envelope: EventEnvelope,
  integration: IntegrationEvent,
): KafkaRecord {
  const headers: Record<string, string> = {
    [HEADER.specversion]: CLOUD_EVENTS_SPEC_VERSION,
    [HEADER.id]: envelope.id,
    [HEADER.source]: cloudEventSource(context),
    [HEADER.type]: cloudEventType(context, integration.type, integration.version),
    [HEADER.time]: metadataText(envelope, 'occurredAt') ?? envelope.recordedAt.toISOString(),
    [HEADER.subject]: envelope.streamId,
    [HEADER.contentType]: CONTENT_TYPE,
    [HEADER.streamRevision]: envelope.revision.toString(),
    [HEADER.globalPosition]: envelope.position.toString(),
  };
  const correlationId = metadataText(envelope, 'correlationId');
  if (correlationId !== undefined) headers[HEADER.correlationId] = correlationId;
  const causationId = metadataText(envelope, 'causationId');
  if (causationId !== undefined) headers[HEADER.causationId] = causationId;
  return { key: envelope.streamId, value: JSON.stringify(integration.data), headers };
}

/**
 * Stored event → upcast envelope → the catalog's integration event → Kafka message. Throws
 * `UnmappedEventType` or `IntegrationMappingFailed`; never returns a message nobody mapped.
 */
export function toKafkaRecord(
  recorded: RecordedEvent,
  contract: Pick<IntegrationContract, 'context' | 'catalog' | 'upcasters'>,
): KafkaRecord {
  const { envelope, integration } = publishedFormOf(recorded, contract);
  return toCloudEventRecord(contract.context, envelope, integration);
}

type Bytes = Buffer | string;

/** A message as a Kafka client hands it over (kafkajs' `KafkaMessage` fits). */
export interface ReceivedKafkaMessage {
  readonly key: Bytes | null;
  readonly value: Bytes | null;
  readonly headers?: Readonly<Record<string, Bytes | Bytes[] | undefined>>;
}

/** A CloudEvent read back from Kafka, for consumers and tests. */
export interface ReceivedCloudEvent {
  readonly key: string;
  readonly specversion: string;
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly time: string;
  readonly subject: string;
  readonly contentType: string;
  readonly streamRevision: bigint;
  readonly globalPosition: bigint;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly data: JsonObject;
}

function asText(value: Bytes | Bytes[] | null | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  if (single === undefined || single === null) return undefined;
  return typeof single === 'string' ? single : single.toString('utf8');
}

/** Reads a redtape CloudEvent from a Kafka message; throws when a required attribute is missing. */
export function fromKafkaMessage(message: ReceivedKafkaMessage): ReceivedCloudEvent {
  const headers = message.headers ?? {};
  const required = (name: string): string => {
    const value = asText(headers[name]);
    if (value === undefined) throw new Error(`the message has no ${name} header`);
    return value;
  };
  const key = asText(message.key);
  const value = asText(message.value);
  if (key === undefined || value === undefined) throw new Error('the message has no key or no value');
  const correlationId = asText(headers[HEADER.correlationId]);
  const causationId = asText(headers[HEADER.causationId]);
  return {
    key,
    specversion: required(HEADER.specversion),
    id: required(HEADER.id),
    source: required(HEADER.source),
    type: required(HEADER.type),
    time: required(HEADER.time),
    subject: required(HEADER.subject),
    contentType: required(HEADER.contentType),
    streamRevision: BigInt(required(HEADER.streamRevision)),
    globalPosition: BigInt(required(HEADER.globalPosition)),
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(causationId === undefined ? {} : { causationId }),
    data: JSON.parse(value) as JsonObject,
  };
}
