import type { EventStore, GlobalPosition } from '@redtape/event-store';
import { toKafkaRecord, topicFor, type KafkaRecord } from './cloud-event.js';
import {
  assertValidCatalog,
  assertValidContext,
  assertValidFilter,
  type IntegrationContract,
} from './integration-events.js';
import { KafkaPublisher, type RelayLogger, type TopicSettings } from './kafka-publisher.js';

export interface ReplayProgress {
  /** Events published (acknowledged) so far. */
  readonly published: number;
  /** The log is covered up to this position (events of other contexts count); undefined before the first batch. */
  readonly position: GlobalPosition | undefined;
  /** The replay covers the context's events from `from` up to `until`, the head when it started. */
  readonly from: GlobalPosition;
  readonly until: GlobalPosition | undefined;
  /** 0 to 1, by position within [from, until]. */
  readonly fraction: number;
}

export interface ReplayOptions extends IntegrationContract {
  readonly store: EventStore;
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Inclusive global position to start from; defaults to the start of the log. */
  readonly from?: GlobalPosition;
  /** Most events in one produce request; defaults to 500. */
  readonly batchSize?: number;
  readonly onProgress?: (progress: ReplayProgress) => void;
  readonly logger?: RelayLogger;
  readonly topic?: TopicSettings;
  /** Stops the replay between two batches; it then rejects with `ReplayInterrupted`. */
  readonly signal?: AbortSignal;
}

export interface ReplayResult {
  readonly topic: string;
  readonly published: number;
  /** Position of the last event published; undefined when there was none. */
  readonly lastPosition: GlobalPosition | undefined;
}

/** The replay stopped part-way; rerun it from `resumeFrom` to go on without a gap. */
export class ReplayInterrupted extends Error {
  constructor(
    readonly topic: string,
    readonly published: number,
    readonly resumeFrom: GlobalPosition,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `the replay to ${topic} stopped after ${published} events; rerun it from position ${resumeFrom}: ${reason}`,
      { cause },
    );
    this.name = new.target.name;
  }
}

/**
 * Publishes a context's events again, from a global position up to the head of the log when the
 * replay starts, to the context's topic, mapped exactly as the live relay maps them (consumers see
 * duplicates and dedupe by event id). It neither reads nor moves the live relay's checkpoint.
 */
export async function replayToKafka(options: ReplayOptions): Promise<ReplayResult> {
  const { context, store, filter } = options;
  assertValidContext(context);
  assertValidFilter(context, filter);
  assertValidCatalog(context, options.catalog);
  const from = options.from ?? 0n;
  if (from < 0n) throw new RangeError(`from must be a position ≥ 0, got ${from}`);
  const batchSize = options.batchSize ?? 500;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);

  const topic = topicFor(context);
  const until = await store.headPosition();
  const publisher = new KafkaPublisher(
    { brokers: options.brokers, clientId: options.clientId, logger: options.logger, topic: options.topic },
    topic,
  );
  let published = 0;
  let position: GlobalPosition | undefined;
  let lastPosition: GlobalPosition | undefined;
  const report = () => {
    const span = until === undefined || until <= from ? 1 : Number(until - from + 1n);
    const done = position === undefined ? 0 : Number(position - from + 1n);
    options.onProgress?.({
      published,
      position,
      from,
      until,
      fraction: until === undefined || until < from ? 1 : Math.min(1, done / span),
    });
  };
  const send = async (records: KafkaRecord[], last: GlobalPosition) => {
    try {
      options.signal?.throwIfAborted();
      await publisher.send(records);
    } catch (error) {
      throw new ReplayInterrupted(topic, published, position === undefined ? from : position + 1n, error);
    }
    published += records.length;
    position = last;
    lastPosition = last;
    report();
  };

  report();
  try {
    if (until === undefined || until < from) return { topic, published, lastPosition };
    let records: KafkaRecord[] = [];
    let last: GlobalPosition | undefined;
    // `after` takes only a position the store handed out (KurrentDB's are byte offsets, so `from - 1`
    // names no event there): read the context from the start and pass over what lies before `from`.
    for await (const event of store.readAll({ filter })) {
      if (event.position < from) continue;
      if (event.position > until) break;
      records.push(toKafkaRecord(event, options));
      last = event.position;
      if (records.length >= batchSize) {
        await send(records, last);
        records = [];
      }
    }
    if (records.length > 0 && last !== undefined) await send(records, last);
    // The events after the last one of the context count as covered too.
    position = until;
    report();
    return { topic, published, lastPosition };
  } finally {
    await publisher.close();
  }
}
