import type { EventStore, GlobalPosition } from '@redtape/event-store';
import { ProjectionRunner, type Projection, type ReadModels } from '@redtape/projections';
import type { Logger } from 'pino';

const READ_YOUR_WRITES_TIMEOUT_MS = 10_000;

/**
 * Runs a service's projections for as long as the service runs, and lets a command's caller wait
 * until the read models show what the command appended (read-your-writes).
 */
export class ProjectionsHost {
  private readonly runners: ProjectionRunner[];

  constructor(
    store: EventStore,
    db: ReadModels,
    projections: readonly Projection[],
    private readonly logger: Logger,
  ) {
    this.runners = projections.map((projection) => new ProjectionRunner({ store, db, projection }));
  }

  async start(): Promise<void> {
    for (const runner of this.runners) {
      await runner.start();
      runner.done.catch((error: unknown) =>
        this.logger.fatal(
          { err: error, status: runner.status },
          'a projection stopped on an error; its read model is no longer updated',
        ),
      );
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  async waitFor(position: GlobalPosition | undefined): Promise<void> {
    if (position === undefined) return;
    await Promise.all(
      this.runners.map((runner) => runner.waitForPosition(position, READ_YOUR_WRITES_TIMEOUT_MS)),
    );
  }

  get healthy(): boolean {
    return this.runners.every((runner) => runner.status === 'running');
  }
}
