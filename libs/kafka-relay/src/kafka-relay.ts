import {
  backoffDelay,
  collect,
  withJitter,
  type EventStore,
  type ExponentialBackoff,
  type GlobalPosition,
  type RecordedEvent,
} from '@redtape/event-store';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { toKafkaRecord, topicFor, type KafkaRecord } from './cloud-event.js';
import { RelayLagTimeout, RelayStopped } from './errors.js';
import { EventBuffer } from './event-buffer.js';
import {
  IntegrationMappingFailed,
  UnmappedEventType,
  assertValidCatalog,
  assertValidContext,
  assertValidFilter,
  type IntegrationContract,
} from './integration-events.js';
import { KafkaPublisher, silentLogger, type RelayLogger, type TopicSettings } from './kafka-publisher.js';
import { PositionWaiters } from '@redtape/projections';
import {
  commitRelayCheckpoint,
  ensureRelayTables,
  readRelayCheckpoint,
  releaseLease,
  renewLease,
  tryAcquireLease,
  type RelayDatabase,
} from './relay-tables.js';

/**
 * - `starting`: creating its tables, before the first try for the lease;
 * - `standby`: another replica holds the lease; this one takes over when it expires;
 * - `running`: holds the lease and publishes;
 * - `stalled`: the broker does not acknowledge (or the database or event store failed); retrying
 *   with backoff, see `lastError`;
 * - `failed`: stopped on an error it cannot get past (an unmapped event type, say): see `lastError`.
 */
export type KafkaRelayStatus = 'stopped' | 'starting' | 'standby' | 'running' | 'stalled' | 'failed';

export interface RelayRetrySettings {
  /** First pause after a failed send; defaults to 200 ms. */
  readonly initialMs?: number;
  /** Longest pause between two attempts; defaults to 5 s. */
  readonly maxMs?: number;
}

export interface KafkaRelayOptions extends IntegrationContract {
  readonly store: EventStore;
  /** Holds the checkpoint and the lease (tables `relay_checkpoints`, `relay_leases`). */
  readonly db: RelayDatabase;
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Most events in one produce request; defaults to 100. */
  readonly batchSize?: number;
  /** How long the lease lasts unless renewed (it is renewed every third of it); defaults to 15 s. */
  readonly leaseMs?: number;
  readonly logger?: RelayLogger;
  /** Names this replica in the lease; defaults to host, process id and a random suffix. */
  readonly holder?: string;
  readonly topic?: TopicSettings;
  readonly retry?: RelayRetrySettings;
  /** Reads the time for the lease and the checkpoint's updated_at; defaults to the system clock. */
  readonly clock?: () => Date;
}

const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_LEASE_MS = 15_000;
const MIN_LEASE_MS = 300;
const ignore = (): void => undefined;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

interface Batch {
  readonly records: KafkaRecord[];
  readonly last: RecordedEvent | undefined;
  /** Why the event after `last` cannot be published; the relay stops there. */
  readonly failure?: unknown;
}

/**
 * Publishes a context's events from the event store to its Kafka topic, at least once and in order
 * per stream: it follows the log from its checkpoint, sends what is ready as one batch, and moves
 * the checkpoint only after the broker acknowledged the batch. A broker outage stalls it (it retries
 * with backoff and resumes by itself); a crash makes the next holder send again what was in flight.
 * One replica per context relays at a time, the holder of a lease in the same database; the others
 * stand by and take over when the lease expires.
 */
export class KafkaRelay {
  readonly topic: string;
  readonly holder: string;
  private readonly contract: IntegrationContract;
  private readonly store: EventStore;
  private readonly db: RelayDatabase;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly logger: RelayLogger;
  private readonly clock: () => Date;
  private readonly retry: ExponentialBackoff;
  private readonly publisher: KafkaPublisher;
  private readonly waiters = new PositionWaiters((position) => this.hasReached(position));

  private currentStatus: KafkaRelayStatus = 'stopped';
  private failure: unknown;
  private stallCause: unknown;
  private current: GlobalPosition | undefined;
  private publishedCount = 0;
  private stopRequested = false;
  private leaseLost = false;
  private leaseExpiresAt = 0;
  private finished: Promise<void> = Promise.resolve();
  /** Ends the current wait (a pause, or the wait for events) early. */
  private interrupt: (() => void) | undefined;
  private wakePause: (() => void) | undefined;

  constructor(options: KafkaRelayOptions) {
    assertValidContext(options.context);
    assertValidFilter(options.context, options.filter);
    assertValidCatalog(options.context, options.catalog);
    this.contract = {
      context: options.context,
      filter: options.filter,
      catalog: options.catalog,
      ...(options.upcasters ? { upcasters: options.upcasters } : {}),
    };
    this.topic = topicFor(options.context);
    this.store = options.store;
    this.db = options.db;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.logger = options.logger ?? silentLogger;
    this.clock = options.clock ?? (() => new Date());
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.retry = { firstDelayMs: options.retry?.initialMs ?? 200, maxDelayMs: options.retry?.maxMs ?? 5000 };
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1)
      throw new RangeError(`batchSize must be a positive integer, got ${this.batchSize}`);
    if (!Number.isSafeInteger(this.leaseMs) || this.leaseMs < MIN_LEASE_MS)
      throw new RangeError(`leaseMs must be an integer ≥ ${MIN_LEASE_MS}, got ${this.leaseMs}`);
    if (!(this.retry.firstDelayMs > 0) || !(this.retry.maxDelayMs >= this.retry.firstDelayMs))
      throw new RangeError('retry needs 0 < initialMs ≤ maxMs');
    this.publisher = new KafkaPublisher(
      { brokers: options.brokers, clientId: options.clientId, logger: this.logger, topic: options.topic },
      this.topic,
    );
  }

  get status(): KafkaRelayStatus {
    return this.currentStatus;
  }

  /** Why the relay failed; while `stalled`, why the last send failed; otherwise undefined. */
  get lastError(): unknown {
    return this.currentStatus === 'failed' ? this.failure : this.stallCause;
  }

  /** The checkpoint as this replica last read or wrote it; undefined before the first event. */
  get checkpoint(): GlobalPosition | undefined {
    return this.current;
  }

  /** Events this replica sent and had acknowledged since it was created (re-sends included). */
  get published(): number {
    return this.publishedCount;
  }

  /** Settles when the current run ends: resolves after `stop`, rejects with the error the relay failed on. */
  get done(): Promise<void> {
    return this.finished;
  }

  /** Resolves once the relay has either taken the lease and follows the log, or stands by. */
  async start(): Promise<void> {
    if (this.currentStatus !== 'stopped' && this.currentStatus !== 'failed')
      throw new Error(`the relay to ${this.topic} is already ${this.currentStatus}`);
    this.currentStatus = 'starting';
    this.failure = undefined;
    this.stallCause = undefined;
    this.stopRequested = false;
    let ready!: () => void;
    const settled = new Promise<void>((resolve) => (ready = resolve));
    this.finished = this.run(ready);
    this.finished.catch(ignore);
    await Promise.race([settled, this.finished]);
  }

  /** Stops publishing and gives the lease up. An acknowledged batch is checkpointed before it returns. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    this.interrupt?.();
    this.wakePause?.();
    await this.finished.catch(ignore);
    if (this.currentStatus !== 'failed') this.currentStatus = 'stopped';
    this.waiters.rejectAll((position) => new RelayStopped(this.topic, position));
  }

  /**
   * Resolves once every event of the context up to `position` has been published and acknowledged
   * (as far as the checkpoint in the database says, whichever replica wrote it).
   */
  waitForPosition(position: GlobalPosition, timeoutMs: number): Promise<void> {
    if (this.currentStatus === 'failed')
      return Promise.reject(new RelayStopped(this.topic, position, this.failure));
    return this.waiters.wait(position, timeoutMs, () => new RelayLagTimeout(this.topic, position, timeoutMs));
  }

  private async run(ready: () => void): Promise<void> {
    let holding = false;
    let trouble = 0;
    try {
      await ensureRelayTables(this.db);
      while (!this.stopRequested) {
        try {
          holding = await tryAcquireLease(this.db, this.topic, this.holder, this.now(), this.leaseMs);
          if (holding) await this.holdLease(ready);
          else await this.standBy(ready);
          trouble = 0;
        } catch (error) {
          // The catalog cannot publish an event: retrying would fail the same way.
          if (error instanceof UnmappedEventType || error instanceof IntegrationMappingFailed) throw error;
          // Anything else (the database, the event store) may pass: back off and try again.
          trouble++;
          this.leaseLost = false;
          this.currentStatus = 'stalled';
          this.stallCause = error;
          const waitMs = this.backoff(trouble);
          this.logger.warn(
            { topic: this.topic, holder: this.holder, attempt: trouble, retryInMs: waitMs, err: error },
            `the relay was interrupted; retrying: ${message(error)}`,
          );
          ready();
          await this.pause(waitMs);
        }
      }
    } catch (error) {
      this.currentStatus = 'failed';
      this.failure = error;
      this.logger.error(
        { topic: this.topic, holder: this.holder, checkpoint: this.current?.toString(), err: error },
        `the relay stopped: ${message(error)}`,
      );
      this.waiters.rejectAll((position) => new RelayStopped(this.topic, position, error));
      throw error;
    } finally {
      await this.publisher.close();
      if (holding) await releaseLease(this.db, this.topic, this.holder).catch(ignore);
    }
  }

  private async holdLease(ready: () => void): Promise<void> {
    this.leaseExpiresAt = this.now() + this.leaseMs;
    this.leaseLost = false;
    this.currentStatus = 'running';
    this.stallCause = undefined;
    ready();
    await this.relayWhileHolding();
    if (this.leaseLost) {
      this.leaseLost = false;
      this.currentStatus = 'standby';
      this.logger.warn({ topic: this.topic, holder: this.holder }, 'lost the relay lease; standing by');
    }
  }

  private async standBy(ready: () => void): Promise<void> {
    if (this.currentStatus !== 'standby')
      this.logger.info({ topic: this.topic, holder: this.holder }, 'another replica relays; standing by');
    this.currentStatus = 'standby';
    this.stallCause = undefined;
    ready();
    this.current = await readRelayCheckpoint(this.db, this.topic);
    this.waiters.recheck();
    // Often enough to take over soon after a holder gives the lease up; one cheap UPDATE each.
    await this.pause(Math.max(50, Math.min(1000, Math.floor(this.leaseMs / 3))));
  }

  private async relayWhileHolding(): Promise<void> {
    this.current = await readRelayCheckpoint(this.db, this.topic);
    this.logger.info(
      { topic: this.topic, holder: this.holder, after: this.current?.toString() ?? null },
      'took the relay lease; publishing',
    );
    const subscription = this.store.subscribeToAll({ after: this.current, filter: this.contract.filter });
    const buffer = new EventBuffer<RecordedEvent>(this.batchSize * 4);
    const filling = buffer.fill(subscription);
    this.interrupt = () => {
      buffer.close();
      void subscription.close();
    };
    const renewal = setInterval(() => void this.renew(), Math.max(50, Math.floor(this.leaseMs / 3)));
    try {
      for (;;) {
        const events = await buffer.take(this.batchSize);
        if (events === undefined || this.mustLeave()) return;
        const batch = this.toBatch(events);
        if (batch.last) {
          if (!(await this.publish(batch.records))) return;
          if (!(await this.commit(batch.last.position))) return;
          this.publishedCount += batch.records.length;
          this.waiters.recheck();
        }
        if (batch.failure !== undefined) throw batch.failure;
        if (this.stopRequested) return;
      }
    } finally {
      clearInterval(renewal);
      this.interrupt = undefined;
      buffer.close();
      await subscription.close();
      await filling;
    }
  }

  /** Maps events until the first one that cannot be published. */
  private toBatch(events: readonly RecordedEvent[]): Batch {
    const records: KafkaRecord[] = [];
    let last: RecordedEvent | undefined;
    for (const event of events) {
      try {
        records.push(toKafkaRecord(event, this.contract));
      } catch (failure) {
        return { records, last, failure };
      }
      last = event;
    }
    return { records, last };
  }

  /** Sends the batch until the broker acknowledges it; false when the relay must leave first. */
  private async publish(records: readonly KafkaRecord[]): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      if (this.mustLeave() || !(await this.leaseIsFresh())) return false;
      try {
        await this.publisher.send(records);
        if (this.currentStatus === 'stalled') {
          this.logger.info({ topic: this.topic, attempt }, 'the broker acknowledges again; resuming');
          this.currentStatus = 'running';
          this.stallCause = undefined;
        }
        return true;
      } catch (error) {
        this.currentStatus = 'stalled';
        this.stallCause = error;
        const waitMs = this.backoff(attempt);
        this.logger.warn(
          { topic: this.topic, attempt, events: records.length, retryInMs: waitMs, err: error },
          `the broker did not acknowledge the batch; retrying: ${message(error)}`,
        );
        await this.publisher.reset();
        await this.pause(waitMs);
      }
    }
  }

  /** Writes the checkpoint (fenced by the lease); false when the lease is gone or the relay stops. */
  private async commit(position: GlobalPosition): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        const now = this.clock();
        if (await commitRelayCheckpoint(this.db, this.topic, this.holder, position, now, this.leaseMs)) {
          this.current = position;
          this.leaseExpiresAt = now.getTime() + this.leaseMs;
          return true;
        }
        this.loseLease();
        return false;
      } catch (error) {
        // The events were acknowledged: if the relay leaves now, the next holder sends them again.
        this.logger.warn(
          { topic: this.topic, position: position.toString(), attempt, err: error },
          `could not write the relay checkpoint; retrying: ${message(error)}`,
        );
        if (this.mustLeave()) return false;
        await this.pause(this.backoff(attempt));
      }
    }
  }

  /**
   * Before a send: the lease must have at least a third of its time left, or be renewed now. A
   * replica that cannot say it still holds the lease sends nothing.
   */
  private async leaseIsFresh(): Promise<boolean> {
    if (this.now() < this.leaseExpiresAt - this.leaseMs / 3) return true;
    await this.renew();
    return !this.leaseLost && this.now() < this.leaseExpiresAt;
  }

  private renewing: Promise<void> | undefined;

  private renew(): Promise<void> {
    this.renewing ??= this.renewNow().finally(() => (this.renewing = undefined));
    return this.renewing;
  }

  private async renewNow(): Promise<void> {
    const now = this.now();
    try {
      if (await renewLease(this.db, this.topic, this.holder, now, this.leaseMs))
        this.leaseExpiresAt = now + this.leaseMs;
      else this.loseLease();
    } catch (error) {
      // Keeps relaying on the time the lease has left; sends stop once it has run out.
      this.logger.warn(
        { topic: this.topic, err: error },
        `could not renew the relay lease: ${message(error)}`,
      );
    }
    this.waiters.recheck();
  }

  private loseLease(): void {
    if (this.leaseLost) return;
    this.leaseLost = true;
    this.interrupt?.();
    this.wakePause?.();
  }

  private mustLeave(): boolean {
    return this.stopRequested || this.leaseLost;
  }

  private backoff(attempt: number): number {
    return withJitter(backoffDelay(attempt, this.retry));
  }

  /** Sleeps, but wakes at once when the relay stops or loses its lease. */
  private pause(ms: number): Promise<void> {
    if (this.mustLeave()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakePause = () => {
        this.wakePause = undefined;
        done();
      };
    });
  }

  private now(): number {
    return this.clock().getTime();
  }

  /**
   * The filter's events count: the relay has reached a position when its checkpoint is there, or no
   * event of the context lies between the checkpoint and that position.
   */
  private async hasReached(position: GlobalPosition): Promise<boolean> {
    const at = await readRelayCheckpoint(this.db, this.topic);
    if (at !== undefined && at >= position) return true;
    const [next] = await collect(
      this.store.readAll({ after: at, filter: this.contract.filter, maxCount: 1 }),
    );
    if (next && next.position <= position) return false;
    const head = await this.store.headPosition();
    return head !== undefined && head >= position;
  }
}
