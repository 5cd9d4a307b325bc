import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  type AllStreamResolvedEvent,
  type Filter,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import {
  StreamNotFound,
  assertValidAppend,
  assertValidStreamName,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type GlobalPosition,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
} from '../port/index.js';
import { EMPTY_STREAM, decideAppend, scanStream, type StreamEvent, type StreamScan } from './append-check.js';
import { isStreamNotFound, isTransient, translateError } from './errors.js';
import { toStreamState } from './expected-revision.js';
import { isSystemEvent, matchesFilter, serverSideFilter } from './filter.js';
import { openAllSubscription } from './kurrentdb-subscription.js';
import { comesAfter, comesBefore, requirePosition, toGlobalPosition, toReadPosition } from './position.js';
import { toEventData, toRecordedEvent } from './recorded-event.js';
import { resubscribingSubscription, type RetryPolicy } from './resubscribing-subscription.js';

/** The client calls this adapter makes; a narrower type than the client, so tests can stand in for it. */
export type KurrentDbClient = Pick<
  KurrentDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

const PAGE = 500;

const RESUBSCRIBE: RetryPolicy = { isTransient, firstDelayMs: 100, maxDelayMs: 5_000 };

/**
 * The production event store on KurrentDB (`@kurrent/kurrentdb-client`, gRPC). Streams, revisions and
 * expected revisions map one to one; the global position is the event's `$all` position (see
 * position.ts); appends recognise retries by reading the stream first (see append-check.ts); `$all`
 * reads and subscriptions filter on the server as far as it can and on the client for the rest (see
 * filter.ts); subscriptions resubscribe after a dropped connection (see
 * resubscribing-subscription.ts).
 */
export class KurrentDbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly client: KurrentDbClient,
    private readonly retry: RetryPolicy = RESUBSCRIBE,
  ) {
    assertAppendFailuresThrow(client);
  }

  /**
   * `url` is a connection string, e.g. `kurrentdb://127.0.0.1:2113?tls=false`. One with
   * `throwOnAppendFailure=false` is refused (see assertAppendFailuresThrow); nothing has connected by
   * then, as the client connects on its first call.
   */
  static open(url: string): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(url));
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    assertValidAppend(streamId, events, expected);
    const repeated = decideAppend(streamId, events, expected, await this.scan(streamId, events));
    if (repeated) return repeated;
    try {
      // Resolves only on success (`result.success`): the constructor refuses a client that would
      // resolve a refused append instead of throwing.
      const result = await this.client.appendToStream(streamId, events.map(toEventData), {
        streamState: toStreamState(expected),
      });
      const position = result.position
        ? toGlobalPosition(result.position)
        : await this.positionOf(streamId, result.nextExpectedRevision);
      return { nextExpectedRevision: result.nextExpectedRevision, position };
    } catch (error) {
      throw translateError(error, streamId, expected);
    }
  }

  private async scan(streamId: string, events: readonly NewEvent[]): Promise<StreamScan> {
    try {
      return await scanStream(this.streamEvents(streamId), events);
    } catch (error) {
      if (isStreamNotFound(error)) return EMPTY_STREAM;
      throw error;
    }
  }

  /**
   * Read from the leader, which has every acknowledged write: a follower (`nodePreference=follower`)
   * may lag, and miss the original of a retried append.
   */
  private async *streamEvents(streamId: string): AsyncGenerator<StreamEvent> {
    for await (const resolved of this.client.readStream(streamId, { requiresLeader: true }))
      if (resolved.event) yield resolved.event;
  }

  /**
   * For a server that answers an append without a position: read it off the appended event, on the
   * leader, as a follower may not have it yet.
   */
  private async positionOf(streamId: string, revision: bigint): Promise<GlobalPosition> {
    for await (const resolved of this.client.readStream(streamId, {
      fromRevision: revision,
      maxCount: 1,
      requiresLeader: true,
    }))
      if (resolved.event) return toGlobalPosition(requirePosition(resolved.event));
    throw new StreamNotFound(streamId);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    assertValidStreamName(streamId);
    const direction = options.direction === 'backwards' ? BACKWARDS : FORWARDS;
    const from = options.fromRevision ?? (direction === BACKWARDS ? 'end' : 'start');
    let read = 0;
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction,
        fromRevision: from === 'start' ? START : from === 'end' ? END : from,
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      })) {
        if (!resolved.event) continue;
        read += 1;
        yield toRecordedEvent(resolved.event);
      }
    } catch (error) {
      throw translateError(error, streamId);
    }
    // A read of the whole stream that finds nothing: the stream has no events (deleted or truncated).
    if (read === 0 && options.fromRevision === undefined && options.maxCount !== 0)
      throw new StreamNotFound(streamId);
  }

  /**
   * Reads in pages, each starting at the last event the one before saw (KurrentDB reads from a
   * position inclusively, so that event comes again and is dropped). Paging by hand keeps every
   * request bounded while part of the filter is applied here, where the server's `maxCount` cannot
   * count. The cursor is the client's own (commit, prepare) pair, so that even an event this adapter
   * could not give one number (and skips) is a valid place to continue from.
   */
  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let cursor = toReadPosition(options.after);
    const filter = serverSideFilter(options.filter);
    while (remaining > 0) {
      // One more than still wanted: the page starts with the event at the cursor again.
      const size = Math.min(PAGE, remaining + 1);
      let seen = 0;
      for await (const resolved of this.page(FORWARDS, cursor, filter, size)) {
        seen += 1;
        const event = resolved.event;
        if (!event) continue;
        const position = requirePosition(event);
        if (!comesAfter(position, cursor)) continue;
        cursor = position;
        if (!matchesFilter(options.filter, event)) continue;
        yield toRecordedEvent(event);
        if (--remaining === 0) return;
      }
      if (seen < size) return;
    }
  }

  private page(
    direction: typeof FORWARDS | typeof BACKWARDS,
    fromPosition: ReadPosition,
    filter: Filter,
    maxCount: number,
  ): AsyncIterable<AllStreamResolvedEvent> {
    return this.client.readAll({ direction, fromPosition, filter, maxCount });
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    const subscription = resubscribingSubscription(
      (after) => openAllSubscription(this.client, after, options.filter),
      {
        ...(options.after === undefined ? {} : { after: options.after }),
        ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
        retry: this.retry,
      },
    );
    this.subscriptions.add(subscription);
    return {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      pages: () => subscription.pages(),
      close: async () => {
        this.subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  /**
   * The newest event that is not KurrentDB's own, read backwards from the end of `$all`: one event
   * (the server already leaves out `$` types), then pages, should `$` streams with other types follow.
   */
  async headPosition(): Promise<GlobalPosition | undefined> {
    let cursor: ReadPosition = END;
    let size = 1;
    const filter = serverSideFilter(undefined);
    for (; ; size = PAGE) {
      let seen = 0;
      for await (const resolved of this.page(BACKWARDS, cursor, filter, size)) {
        seen += 1;
        const event = resolved.event;
        if (!event) continue;
        const position = requirePosition(event);
        if (!comesBefore(position, cursor)) continue;
        cursor = position;
        if (!isSystemEvent(event)) return toGlobalPosition(position);
      }
      if (seen < size) return undefined;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.subscriptions.clear();
    await this.client.dispose();
  }
}

/**
 * Refuses a client made with `throwOnAppendFailure=false`. Such a client answers a wrong expected
 * revision with `{ success: false }` instead of an error, and the revision it reports then is not
 * one to trust: -1 for a missing stream, and on the batch-append path (the one a server that offers
 * it gets) `BigInt(hasCurrentStreamRevision())`, i.e. 1 whatever the stream's revision
 * (streams/appendToStream/append.js and batchAppend.js in @kurrent/kurrentdb-client 1.3.1). A
 * conflict built from it could send a caller's retry to the wrong revision; refusing the option at
 * the start is safer than translating those results. The flag is read off the client's own getter
 * (typed protected, hence the cast); a stand-in without it is taken to throw, the client's default.
 */
function assertAppendFailuresThrow(client: KurrentDbClient): void {
  if ((client as { readonly throwOnAppendFailure?: boolean }).throwOnAppendFailure === false)
    throw new Error(
      'KurrentDB: throwOnAppendFailure=false is not supported; the event store needs failed appends ' +
        'to throw (remove the option from the connection string)',
    );
}
