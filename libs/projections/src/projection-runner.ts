import { type EventStore, type GlobalPosition, type Subscription } from '@redtape/event-store';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { ensureCheckpointTable, readCheckpoint, type ProjectionCheckpoint } from './checkpoints.js';
import { ProjectionLagTimeout, ProjectionStopped, ProjectionVersionAhead } from './errors.js';
import { type CatchUpTurns } from './catch-up-turns.js';
import { exclusive } from './exclusive.js';
import { compactReadModelLog } from './open-sqlite-read-models.js';
import { PositionWaiters } from './position-waiters.js';
import { projectEvents } from './project-events.js';
import type { Projection, ReadModels } from './projection.js';
import { readModelReflects } from './reached.js';
import { rebuildProjection, type PauseLive, type RebuildContext } from './rebuild.js';
import { assertValidProjection } from './validation.js';

export type ProjectionRunnerStatus = 'stopped' | 'starting' | 'running' | 'failed';

/** Where a runner stands, for /health and the start script: what it does and how far it has read. */
export interface ProjectionProgress {
  readonly projection: string;
  readonly phase: 'stopped' | 'waiting' | 'rebuilding' | 'catching-up' | 'live' | 'failed';
  /** The position its read model has folded up to (the rebuild's, while it rebuilds). */
  readonly position: GlobalPosition | undefined;
  /** The head of the log when it started to follow it: caught up once it has read that far. */
  readonly target: GlobalPosition | undefined;
}

export interface ProjectionRunnerOptions {
  readonly store: EventStore;
  readonly db: ReadModels;
  readonly projection: Projection;
  /**
   * Most events folded in one transaction while it rebuilds or catches up; defaults to 5,000: each
   * row a batch touches is then written once for many events.
   */
  readonly batchSize?: number;
  /**
   * Most events folded in one transaction once caught up; defaults to 250: a burst of appends is
   * taken in short transactions, so that the service keeps answering meanwhile (at 500, commits of
   * 50–75 ms on a 1M-event read model left `/health` waiting up to 107 ms during a burst).
   */
  readonly liveBatchSize?: number;
  /** Stamps the checkpoint's updated_at; defaults to the system clock. */
  readonly clock?: () => Date;
  /** Shared by the runners of one service so that they rebuild and catch up one at a time. */
  readonly catchUpTurns?: CatchUpTurns;
}

const DEFAULT_BATCH_SIZE = 5000;
const DEFAULT_LIVE_BATCH_SIZE = 250;
const ignore = (): void => undefined;

/**
 * Keeps one projection's read model up to date: follows the event log from the checkpoint and
 * writes every batch's rows together with the checkpoint. It logs nothing; watch `status`,
 * `lastError` and `done` instead.
 */
export class ProjectionRunner {
  private readonly store: EventStore;
  private readonly db: ReadModels;
  private readonly projection: Projection;
  private readonly batchSize: number;
  private readonly liveBatchSize: number;
  private readonly clock: () => Date;
  /** Serializes the live runner's batches with a rebuild's switch-over. */
  private readonly exclusive = exclusive();
  private readonly waiters = new PositionWaiters((position) => this.hasReached(position));

  private currentStatus: ProjectionRunnerStatus = 'stopped';
  private failure: unknown;
  private current: ProjectionCheckpoint | undefined;
  /** How far the live subscription has read the log: events the filter leaves out are passed too. */
  private readTo: GlobalPosition | undefined;
  private subscription: Subscription | undefined;
  private starting: Promise<void> | undefined;
  private following: Promise<void> = Promise.resolve();
  private finished: Promise<void> = Promise.resolve();
  private rebuilding: Promise<void> | undefined;
  private rebuiltTo: GlobalPosition | undefined;
  private stopRequested = false;
  /** The head of the log as the live subscription began: reading that far is catching up. */
  private target: GlobalPosition | undefined;
  private caughtUpNow = false;
  private signalCaughtUp: () => void = ignore;
  private caughtUpPromise: Promise<void> = new Promise((resolve) => (this.signalCaughtUp = resolve));
  private signalAccepted: (error?: unknown) => void = ignore;
  private acceptedPromise: Promise<void> = Promise.resolve();
  private readonly catchUpTurns: CatchUpTurns | undefined;
  private waitingForTurn = false;
  private endTurn: () => void = ignore;
  private signalStop: () => void = ignore;
  private stopSignal: Promise<void> = Promise.resolve();

  constructor(options: ProjectionRunnerOptions) {
    assertValidProjection(options.projection);
    this.store = options.store;
    this.db = options.db;
    this.projection = options.projection;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.liveBatchSize = Math.min(this.batchSize, options.liveBatchSize ?? DEFAULT_LIVE_BATCH_SIZE);
    this.clock = options.clock ?? (() => new Date());
    this.catchUpTurns = options.catchUpTurns;
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1)
      throw new RangeError(`batchSize must be a positive integer, got ${this.batchSize}`);
  }

  get status(): ProjectionRunnerStatus {
    return this.currentStatus;
  }

  /** Why the runner failed; undefined unless `status` is `failed`. */
  get lastError(): unknown {
    return this.failure;
  }

  /** The checkpoint as last committed by this runner; undefined until it has started. */
  get checkpoint(): ProjectionCheckpoint | undefined {
    return this.current;
  }

  get isRebuilding(): boolean {
    return this.rebuilding !== undefined;
  }

  /** Settles when the current run ends: resolves after `stop`, rejects with the error the runner failed on. */
  get done(): Promise<void> {
    return this.finished;
  }

  /**
   * Settles once `start` has read the checkpoint and accepted its version, before any rebuild or
   * catch-up: rejects at once for a read model this code must not touch.
   */
  get accepted(): Promise<void> {
    return this.acceptedPromise;
  }

  /** Resolves once the runner has read the log up to its head as it was when it began to follow it. */
  get caughtUp(): Promise<void> {
    return this.caughtUpPromise;
  }

  get progress(): ProjectionProgress {
    const phase =
      this.currentStatus === 'failed'
        ? 'failed'
        : this.currentStatus === 'stopped'
          ? 'stopped'
          : this.waitingForTurn
            ? 'waiting'
            : this.rebuilding !== undefined && this.currentStatus === 'starting'
              ? 'rebuilding'
              : this.caughtUpNow
                ? 'live'
                : 'catching-up';
    const folded = phase === 'rebuilding' ? this.rebuiltTo : this.current?.position;
    const read =
      this.readTo !== undefined && (folded === undefined || this.readTo > folded) ? this.readTo : folded;
    return { projection: this.projection.name, phase, position: read, target: this.target };
  }

  /**
   * Resolves once the runner follows the log live. Before that it creates the read model on first
   * start, or rebuilds it when the stored checkpoint was written by another version of the projection.
   */
  async start(): Promise<void> {
    if (this.currentStatus === 'starting' || this.currentStatus === 'running')
      throw new Error(`projection "${this.projection.name}" is already ${this.currentStatus}`);
    this.currentStatus = 'starting';
    this.failure = undefined;
    this.stopRequested = false;
    this.stopSignal = new Promise<void>((resolve) => (this.signalStop = resolve));
    this.following = Promise.resolve();
    this.acceptedPromise = new Promise<void>((resolve, reject) => {
      this.signalAccepted = (error) => (error === undefined ? resolve() : reject(error));
    });
    this.acceptedPromise.catch(ignore);
    this.starting = this.startUp();
    this.finished = this.starting.then(() => this.following);
    this.finished.catch(ignore);
    return this.starting;
  }

  async stop(): Promise<void> {
    this.stopRequested = true;
    this.signalStop();
    await this.starting?.catch(ignore);
    await this.subscription?.close();
    await this.finished.catch(ignore);
    await this.rebuilding?.catch(ignore);
    this.subscription = undefined;
    this.finishTurn();
    if (this.currentStatus !== 'failed') this.currentStatus = 'stopped';
    this.waiters.rejectAll((position) => new ProjectionStopped(this.projection.name, position));
  }

  /**
   * Builds a new generation of the read model from position 0 and switches readers over to it;
   * the live runner keeps going meanwhile and continues on the new generation. Concurrent calls
   * share one rebuild.
   */
  rebuild(): Promise<void> {
    this.rebuilding ??= this.rebuildNow().finally(() => {
      this.rebuilding = undefined;
    });
    return this.rebuilding;
  }

  /**
   * Resolves once the read model reflects every event up to `position` (events the projection's
   * filter leaves out count as reflected), so that a command's caller can read its own write.
   */
  waitForPosition(position: GlobalPosition, timeoutMs: number): Promise<void> {
    const { name } = this.projection;
    if (this.currentStatus === 'failed')
      return Promise.reject(new ProjectionStopped(name, position, this.failure));
    return this.waiters.wait(
      position,
      timeoutMs,
      () => new ProjectionLagTimeout(name, position, timeoutMs, this.current?.position),
    );
  }

  private async startUp(): Promise<void> {
    let checkpoint: ProjectionCheckpoint;
    try {
      checkpoint = await this.loadOrRebuild();
      this.target = await this.store.headPosition();
    } catch (error) {
      this.signalAccepted(error);
      // Asked to stop in the middle of a rebuild, or while waiting for its turn: nothing failed.
      if (this.stopRequested) {
        this.finishTurn();
        this.currentStatus = 'stopped';
        return;
      }
      this.fail(error);
      throw error;
    }
    if (this.stopRequested) {
      this.finishTurn();
      this.currentStatus = 'stopped';
      return;
    }
    this.markCaughtUpAt(checkpoint.position);
    const subscription = this.store.subscribeToAll({
      after: checkpoint.position,
      filter: this.projection.filter,
      pageSize: this.batchSize,
    });
    this.subscription = subscription;
    this.currentStatus = 'running';
    this.following = this.follow(subscription);
    this.following.catch(ignore);
  }

  private async loadOrRebuild(): Promise<ProjectionCheckpoint> {
    await ensureCheckpointTable(this.db);
    const stored = await readCheckpoint(this.db, this.projection.name);
    if (stored && stored.version > this.projection.version)
      throw new ProjectionVersionAhead(this.projection.name, stored.version, this.projection.version);
    this.signalAccepted();
    await this.waitForTurn();
    if (stored?.version === this.projection.version) {
      this.current = stored;
      return stored;
    }
    this.target = await this.store.headPosition();
    await this.rebuild();
    await compactReadModelLog(this.db);
    return this.requireCheckpoint();
  }

  private async follow(subscription: Subscription): Promise<void> {
    try {
      for await (const page of subscription.pages()) {
        const size = this.caughtUpNow ? this.liveBatchSize : this.batchSize;
        for (let start = 0; start < page.events.length; start += size) {
          if (start > 0) await yieldToEventLoop();
          const batch = page.events.slice(start, start + size);
          await this.exclusive(async () => {
            this.current = await projectEvents(
              this.db,
              this.projection,
              this.requireCheckpoint(),
              batch,
              this.clock(),
            );
          });
        }
        if (page.readTo !== undefined) this.readTo = page.readTo;
        const wasCatchingUp = !this.caughtUpNow;
        this.markCaughtUpAt(this.readTo ?? this.current?.position);
        if (wasCatchingUp && this.caughtUpNow) await this.exclusive(() => compactReadModelLog(this.db));
        this.waiters.recheck();
        // better-sqlite3 answers synchronously: without a turn of the event loop between pages, a
        // long catch-up would leave /health unanswered and SIGTERM unheard until it ends.
        await yieldToEventLoop();
      }
    } catch (error) {
      this.fail(error);
      await subscription.close();
      throw error;
    }
  }

  private async rebuildNow(): Promise<void> {
    await ensureCheckpointTable(this.db);
    const current = await readCheckpoint(this.db, this.projection.name);
    const context: RebuildContext = {
      db: this.db,
      store: this.store,
      projection: this.projection,
      batchSize: this.batchSize,
      clock: this.clock,
      stopRequested: () => this.stopRequested,
      onProgress: (position) => (this.rebuiltTo = position),
    };
    const pauseLive: PauseLive = (switchOver) =>
      this.exclusive(async () => {
        this.current = await switchOver();
        return this.current;
      });
    await rebuildProjection(context, current, pauseLive);
    this.waiters.recheck();
  }

  private async waitForTurn(): Promise<void> {
    if (!this.catchUpTurns) return;
    this.waitingForTurn = true;
    try {
      this.endTurn = await this.catchUpTurns.take(this.stopSignal);
    } finally {
      this.waitingForTurn = false;
    }
    if (this.stopRequested) throw new Error(`projection "${this.projection.name}" stopped before its turn`);
  }

  private finishTurn(): void {
    this.endTurn();
    this.endTurn = ignore;
  }

  private markCaughtUpAt(position: GlobalPosition | undefined): void {
    if (this.caughtUpNow) return;
    if (this.target !== undefined && (position === undefined || position < this.target)) return;
    this.finishTurn();
    this.caughtUpNow = true;
    this.signalCaughtUp();
  }

  private fail(error: unknown): void {
    this.finishTurn();
    this.currentStatus = 'failed';
    this.failure = error;
    this.waiters.rejectAll((position) => new ProjectionStopped(this.projection.name, position, error));
  }

  private requireCheckpoint(): ProjectionCheckpoint {
    if (!this.current) throw new Error(`projection "${this.projection.name}" has no checkpoint yet`);
    return this.current;
  }

  private async hasReached(position: GlobalPosition): Promise<boolean> {
    if (!this.current) return false;
    if (this.current.position !== undefined && this.current.position >= position) return true;
    // What the subscription has read past, it has folded: no need to ask the store.
    if (this.readTo !== undefined) return this.readTo >= position;
    return readModelReflects(this.store, this.projection, this.current.position, position);
  }
}
