import type { Fact } from './fact.js';

/** Where a message was read: what the dedupe, gap and rejection rows point back to. */
export interface MessageOrigin {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

/** A redtape CloudEvent as this consumer uses it, read from one Kafka message. */
export interface ConsumedEvent {
  readonly origin: MessageOrigin;
  /** `ce_id`: the stored event's id, the same on every redelivery. */
  readonly id: string;
  /** `ce_type`, e.g. `redtape.procedures.DecisionTimeChanged.v1`. */
  readonly type: string;
  /** `ce_subject`: the stream (aggregate) the event belongs to. */
  readonly streamId: string;
  readonly streamRevision: number;
  /** `ce_time`: when the change happened, RFC 3339. */
  readonly time: string;
  /** What the metrics take from the payload. */
  readonly fact: Fact;
}
