import {
  backoffDelay,
  type EventStore,
  type ExponentialBackoff,
  type GlobalPosition,
} from '@redtape/event-store';
import {
  CatchUpTurns,
  ProjectionLagTimeout,
  ProjectionRunner,
  ProjectionStopped,
  readCheckpoint,
  readModelReflects,
  tryReplicaLock,
  type Projection,
  type ProjectionProgress,
  type ReadModels,
  type ReplicaLock,
} from '@redtape/projections';
import { setTimeout as delay } from 'node:timers/promises';
import type { ReadYourWrites } from '../commands/read-your-writes.js';
import type { Logger } from 'pino';

const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;
const TAKE_OVER_EVERY_MS = 1000;
const STANDBY_POLL_MS = 25;
const TAKE_OVER_BACKOFF: ExponentialBackoff = { firstDelayMs: TAKE_OVER_EVERY_MS, maxDelayMs: 60_000 };

/**
 * Runs a service's projections for as long as the service runs, and lets a command's caller wait
 * until the read models show what the command appended (read-your-writes). Replicas sharing read
 * models (PostgreSQL) elect one writer through a replica lock: it runs the projections, the others
 * stand by, serve reads, wait for the writer's checkpoints, and take over when its lock is freed.
 */
export class ProjectionsHost implements ReadYourWrites {
  private runners: ProjectionRunner[] = [];
  private lock: ReplicaLock | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  private failures = 0;
  private nextAttemptAt = 0;
  private switching: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModels,
    private readonly projections: readonly Projection[],
    private readonly logger: Logger,
    /** Names the replica lock; replicas of one service share it. */
    private readonly lockName = 'redtape.projections',
  ) {}

  /**
   * Resolves once this replica either runs the projections or stands by: at once, before any rebuild
   * or catch-up, which go on while the service answers (`/health` reports their progress). A read
   * model this code must not touch (a newer version wrote it) fails the start, as a misconfigured
   * service should; later failures are logged and retried with a growing pause.
   */
  async start(): Promise<void> {
    this.stopped = false;
    await this.serialized(() => this.tryTakeOver());
    if (!this.lock)
      this.logger.info({ lock: this.lockName }, 'another replica runs the projections; standing by');
    this.retry ??= setInterval(() => {
      if (this.lock || Date.now() < this.nextAttemptAt) return;
      this.serialized(() => this.tryTakeOver()).catch((error: unknown) => this.failedTakeOver(error));
    }, TAKE_OVER_EVERY_MS);
    this.retry.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearInterval(this.retry);
    this.retry = undefined;
    await this.serialized(() => this.stepDown());
  }

  /** Whether this replica runs the projections (false while it stands by). */
  get active(): boolean {
    return this.lock !== undefined;
  }

  async waitFor(position: GlobalPosition | undefined): Promise<void> {
    if (position === undefined) return;
    const runners = this.lock ? this.runners : [];
    try {
      if (runners.length > 0) {
        await Promise.all(
          runners.map((runner) => runner.waitForPosition(position, READ_YOUR_WRITES_TIMEOUT_MS)),
        );
        return;
      }
    } catch (error) {
      // The runner stopped under us (it failed, or the lock went): whoever runs the projections next
      // may still reach the position in time, and the stored checkpoints will show it.
      if (!(error instanceof ProjectionStopped) || this.stopped) throw error;
    }
    await Promise.all(this.projections.map((projection) => this.standbyWait(projection, position)));
  }

  /**
   * `running`: this replica runs the projections; `starting`: it is about to (rebuilding or catching
   * up); `standby`: another replica does; `recovering`: a projection failed here and the take-over
   * is being retried after a pause.
   */
  get status(): 'running' | 'starting' | 'standby' | 'recovering' {
    if (this.lock && this.runners.every((runner) => runner.status === 'running')) return 'running';
    if (this.lock && this.runners.every((runner) => runner.status !== 'failed')) return 'starting';
    return this.failures > 0 ? 'recovering' : 'standby';
  }

  /**
   * Whether the read models this replica serves show the log up to where it stood when they started
   * to follow it: a replica that still rebuilds or catches up should not be sent requests yet. A
   * standby serves what the writer's checkpoints show.
   */
  get ready(): boolean {
    if (!this.lock) return this.failures === 0;
    return this.runners.length > 0 && this.runners.every((runner) => runner.progress.phase === 'live');
  }

  /** Each projection's phase and how far it has read, against the head it is catching up to. */
  get progress(): ProjectionProgress[] {
    return this.runners.map((runner) => runner.progress);
  }

  /** Resolves once every projection of this replica has caught up (see `ready`). */
  async whenReady(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      if (this.lock && this.runners.length > 0) {
        await Promise.all(this.runners.map((runner) => runner.caughtUp));
        if (this.ready) return;
      } else if (this.ready) return;
      await delay(TAKE_OVER_EVERY_MS);
    }
  }

  private serialized(step: () => Promise<void>): Promise<void> {
    this.switching = this.switching.then(step, step);
    return this.switching;
  }

  private async tryTakeOver(): Promise<void> {
    if (this.stopped || this.lock) return;
    const lock = await tryReplicaLock(this.db, this.lockName);
    if (!lock) return;
    this.lock = lock;
    const catchUpTurns = new CatchUpTurns();
    this.runners = this.projections.map(
      (projection) => new ProjectionRunner({ store: this.store, db: this.db, projection, catchUpTurns }),
    );
    // Started together and not awaited: a rebuild or a long catch-up goes on while the service
    // answers, one projection at a time (CatchUpTurns), in the order the service lists them. Only a
    // version this code refuses fails the take-over itself.
    for (const runner of this.runners) runner.start().catch(() => undefined);
    try {
      await Promise.all(this.runners.map((runner) => runner.accepted));
    } catch (error) {
      await this.stepDown();
      throw error;
    }
    this.failures = 0;
    for (const runner of this.runners)
      runner.done.catch((error: unknown) => {
        if (this.lock !== lock) return;
        // Its read model stops here until fresh runners resume from the stored checkpoint: give the
        // lock up so that this or another replica takes over after a pause.
        this.logger.fatal(
          { err: error, status: runner.status },
          'a projection stopped on an error; stepping down',
        );
        this.backOff();
        this.serialized(() => this.stepDown()).catch((stepDownError: unknown) =>
          this.logger.error({ err: stepDownError }, 'stepping down failed'),
        );
      });
    void lock.lost.then((reason) => {
      if (this.lock !== lock) return;
      this.logger.error({ err: reason, lock: this.lockName }, 'lost the projections lock; standing by');
      this.serialized(() => this.stepDown()).catch((error: unknown) =>
        this.logger.error({ err: error }, 'stepping down failed'),
      );
    });
  }

  private failedTakeOver(error: unknown): void {
    this.backOff();
    this.logger.error(
      { err: error, lock: this.lockName, retryInMs: this.nextAttemptAt - Date.now() },
      'could not take over the projections; standing by',
    );
  }

  /** 1 s, 2 s, 4 s … up to a minute between attempts while they keep failing. */
  private backOff(): void {
    this.failures += 1;
    this.nextAttemptAt = Date.now() + backoffDelay(this.failures, TAKE_OVER_BACKOFF);
  }

  private async stepDown(): Promise<void> {
    const { lock, runners } = this;
    this.lock = undefined;
    this.runners = [];
    try {
      await Promise.all(runners.map((runner) => runner.stop()));
    } finally {
      await lock?.release();
    }
  }

  /** A standby sees the writer's progress only through the stored checkpoints. */
  private async standbyWait(projection: Projection, position: GlobalPosition): Promise<void> {
    const deadline = Date.now() + READ_YOUR_WRITES_TIMEOUT_MS;
    let checkpoint: GlobalPosition | undefined;
    for (;;) {
      try {
        checkpoint = (await readCheckpoint(this.db, projection.name))?.position;
        if (await readModelReflects(this.store, projection, checkpoint, position)) return;
      } catch (error) {
        // Before the writer's first start the checkpoint table may not exist yet.
        this.logger.debug({ err: error, projection: projection.name }, 'checkpoint not readable yet');
      }
      if (Date.now() >= deadline)
        throw new ProjectionLagTimeout(projection.name, position, READ_YOUR_WRITES_TIMEOUT_MS, checkpoint);
      await delay(STANDBY_POLL_MS);
    }
  }
}
