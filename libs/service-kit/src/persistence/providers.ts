import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { EventStore } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { openSqliteReadModels, type Projection, type ReadModels } from '@redtape/projections';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/service-config.js';
import { CLOCK, EVENT_STORE, LOGGER, PROJECTIONS, READ_MODELS, SERVICE_CONFIG } from '../tokens.js';
import { ProjectionsHost } from './projections-host.js';

@Injectable()
class StoresCloser implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.readModels.destroy();
    await this.store.close();
  }
}

/** The configuration, logger, clock, event store and read-model database of one service, by token. */
export function coreProviders(config: ServiceConfig, logger: Logger): Provider[] {
  return [
    { provide: SERVICE_CONFIG, useValue: config },
    { provide: LOGGER, useValue: logger },
    { provide: CLOCK, useValue: () => new Date() },
    { provide: EVENT_STORE, useFactory: () => SqliteEventStore.open(config.eventStoreFile) },
    { provide: READ_MODELS, useFactory: () => openSqliteReadModels(config.readModelFile) },
    StoresCloser,
  ];
}

/** The service's projections, run by one host (token PROJECTIONS) on its event store and read models. */
export function projectionsProvider(projections: readonly Projection[]): Provider {
  return {
    provide: PROJECTIONS,
    inject: [EVENT_STORE, READ_MODELS, LOGGER],
    useFactory: (store: EventStore, db: ReadModels, logger: Logger) =>
      new ProjectionsHost(store, db, projections, logger),
  };
}
