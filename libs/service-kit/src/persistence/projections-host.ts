import type { EventStore, GlobalPosition } from '@redtape/event-store';
import {
  ProjectionLagTimeout,
  ProjectionRunner,
  readCheckpoint,
  readModelReflects,
  tryReplicaLock,
  type Projection,
  type ReadModels,
  type ReplicaLock,
} from '@redtape/projections';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';

const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;
const TAKE_OVER_EVERY_MS = 1000;
const STANDBY_POLL_MS = 25;

/**
 * Runs a service's projections for as long as the service runs, and lets a command's caller wait
 * until the read models show what the command appended (read-your-writes). Replicas sharing read
 * models (PostgreSQL) elect one writer through a replica lock: it runs the projections, the others
 * stand by, serve reads, wait for the writer's checkpoints, and take over when its lock is freed.
 */
export class ProjectionsHost {
  private runners: ProjectionRunner[] = [];
  private lock: ReplicaLock | undefined;
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;
  private switching: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly db: ReadModels,
    private readonly projections: readonly Projection[],
    private readonly logger: Logger,
    /** Names the replica lock; replicas of one service share it. */
    private readonly lockName = 'redtape.projections',
  ) {}

  /** Resolves once this replica either runs the projections or stands by. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.serialized(() => this.tryTakeOver());
    if (!this.lock)
      this.logger.info({ lock: this.lockName }, 'another replica runs the projections; standing by');
    this.retry = setInterval(() => {
      if (!this.lock) void this.serialized(() => this.tryTakeOver());
    }, TAKE_OVER_EVERY_MS);
    this.retry.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearInterval(this.retry);
    await this.serialized(() => this.stepDown());
  }

  /** Whether this replica runs the projections (false while it stands by). */
  get active(): boolean {
    return this.lock !== undefined;
  }

  async waitFor(position: GlobalPosition | undefined): Promise<void> {
    if (position === undefined) return;
    if (this.lock)
      await Promise.all(
        this.runners.map((runner) => runner.waitForPosition(position, READ_YOUR_WRITES_TIMEOUT_MS)),
      );
    else await Promise.all(this.projections.map((projection) => this.standbyWait(projection, position)));
  }

  get healthy(): boolean {
    return !this.lock || this.runners.every((runner) => runner.status === 'running');
  }

  private serialized(step: () => Promise<void>): Promise<void> {
    this.switching = this.switching.then(step, step);
    return this.switching;
  }

  private async tryTakeOver(): Promise<void> {
    if (this.stopped || this.lock) return;
    let lock: ReplicaLock | undefined;
    try {
      lock = await tryReplicaLock(this.db, this.lockName);
    } catch (error) {
      this.logger.warn({ err: error, lock: this.lockName }, 'could not try the projections lock; will retry');
      return;
    }
    if (!lock) return;
    this.lock = lock;
    this.runners = this.projections.map(
      (projection) => new ProjectionRunner({ store: this.store, db: this.db, projection }),
    );
    for (const runner of this.runners) {
      await runner.start();
      runner.done.catch((error: unknown) =>
        this.logger.fatal(
          { err: error, status: runner.status },
          'a projection stopped on an error; its read model is no longer updated',
        ),
      );
    }
    void lock.lost.then((reason) => {
      if (this.lock !== lock) return;
      this.logger.error({ err: reason, lock: this.lockName }, 'lost the projections lock; standing by');
      void this.serialized(() => this.stepDown());
    });
  }

  private async stepDown(): Promise<void> {
    const { lock, runners } = this;
    this.lock = undefined;
    this.runners = [];
    await Promise.all(runners.map((runner) => runner.stop()));
    await lock?.release();
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
