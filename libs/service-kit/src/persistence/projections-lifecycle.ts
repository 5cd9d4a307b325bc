import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { PROJECTIONS } from '../tokens.js';
import type { ProjectionsHost } from './projections-host.js';

/**
 * Keeps the service's read models up to date from bootstrap to shutdown. A service that does more
 * around them (records reference data before they start, runs a watcher over them) extends it and
 * calls `super` where its own steps belong.
 */
@Injectable()
export class ProjectionsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(PROJECTIONS) protected readonly projections: ProjectionsHost) {}

  /** Rebuilds and catch-ups go on in the background; /health says when the read models are ready. */
  async onApplicationBootstrap(): Promise<void> {
    await this.projections.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.projections.stop();
  }
}
