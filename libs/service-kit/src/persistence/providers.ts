import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { openEventStore, type EventStore } from '@redtape/event-store';
import {
  openPostgresReadModels,
  openSqliteReadModels,
  type Projection,
  type ReadModels,
} from '@redtape/projections';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/service-config.js';
import { CLOCK, EVENT_STORE, LOGGER, PROJECTIONS, READ_MODELS, SERVICE_CONFIG } from '../tokens.js';
import { ProjectionsHost } from './projections-host.js';
import { statementLogger } from './statement-log.js';

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

function openReadModels(config: ServiceConfig, logger: Logger): ReadModels | Promise<ReadModels> {
  const connection = config.readModels;
  const log = config.statementLog ? { log: statementLogger(config.statementLog, config.service) } : {};
  if (connection.kind === 'sqlite') return openSqliteReadModels(connection.file, log);
  return openPostgresReadModels(connection.url, connection.schema, {
    onPoolError: (error) => logger.warn({ err: error }, 'a pooled read-model connection failed'),
    ...log,
  });
}

/** The configuration, logger, clock, event store and read-model database of one service, by token. */
export function coreProviders(config: ServiceConfig, logger: Logger): Provider[] {
  return [
    { provide: SERVICE_CONFIG, useValue: config },
    { provide: LOGGER, useValue: logger },
    { provide: CLOCK, useValue: () => new Date() },
    { provide: EVENT_STORE, useFactory: () => openEventStore(config.eventStore) },
    { provide: READ_MODELS, useFactory: () => openReadModels(config, logger) },
    StoresCloser,
  ];
}

/** The service's projections, run by one host (token PROJECTIONS) on its event store and read models. */
export function projectionsProvider(projections: readonly Projection[]): Provider {
  return {
    provide: PROJECTIONS,
    inject: [EVENT_STORE, READ_MODELS, LOGGER, SERVICE_CONFIG],
    useFactory: (store: EventStore, db: ReadModels, logger: Logger, config: ServiceConfig) =>
      new ProjectionsHost(store, db, projections, logger, `redtape.projections.${config.service}`),
  };
}
