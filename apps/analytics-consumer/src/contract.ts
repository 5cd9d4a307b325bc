/**
 * What this consumer relies on from redtape's published Kafka contract (contracts/asyncapi.yaml):
 * the topics, the header names and the CloudEvent type format. Written out here, as a consumer
 * outside the repository would, rather than imported from the relay; contract.spec.ts proves they
 * match what the relay sends.
 */

export const CONTEXTS = ['regions', 'procedures', 'accountability'] as const;
export type Context = (typeof CONTEXTS)[number];

/** One topic per bounded context. */
export const topicOf = (context: Context): string => `redtape.${context}.events.v1`;

export const REDTAPE_TOPICS: readonly string[] = CONTEXTS.map(topicOf);

/** CloudEvents 1.0 attributes in Kafka binary mode, plus redtape's own headers; values are UTF-8. */
export const HEADER = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  contentType: 'content-type',
  /** Zero-based, grows by one with every event of the stream (`ce_subject`). */
  streamRevision: 'redtape_stream_revision',
  globalPosition: 'redtape_global_position',
} as const;

export const SPEC_VERSION = '1.0';
export const CONTENT_TYPE = 'application/json';

/** `redtape.procedures.DecisionTimeChanged.v1` names the payload's JSON Schema. */
export const ceType = (context: Context, eventType: string, version: number): string =>
  `redtape.${context}.${eventType}.v${version}`;
