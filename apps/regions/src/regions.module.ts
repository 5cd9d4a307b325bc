import { Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import type { EventStore } from '@redtape/event-store';
import type { ReadModels } from '@redtape/projections';
import {
  CLOCK,
  EVENT_STORE,
  LOGGER,
  PROJECTIONS,
  ProjectionsLifecycle,
  type ProjectionsHost,
  READ_MODELS,
  subgraphModule,
  type ServiceConfig,
} from '@redtape/service-kit';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { RegionsCommands } from '@redtape/regions-application';
import { AuthoritiesResolver } from './graphql/authorities.resolver.js';
import { ReformStagesResolver } from './graphql/reform-stages.resolver.js';
import { RegionsLoaders } from './graphql/regions-loaders.js';
import { UnitsResolver } from './graphql/units.resolver.js';
import { RegionsQueries } from '@redtape/regions-read-model';
import { regionsProjection } from '@redtape/regions-read-model';
import type { RegionsTables } from '@redtape/regions-read-model';
import { loadReferenceData, readKgAdminUnits } from './reference-data/load-reference-data.js';
import { REGIONS_COMMANDS, REGIONS_LOADERS, REGIONS_QUERIES } from './tokens.js';
import { REGIONS_INTEGRATION } from './integration-contract.js';

/** Records the reference data and keeps the read model up to date for as long as the service runs. */
@Injectable()
class RegionsLifecycle extends ProjectionsLifecycle {
  constructor(
    @Inject(PROJECTIONS) projections: ProjectionsHost,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: () => Date,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super(projections);
  }

  override async onApplicationBootstrap(): Promise<void> {
    // Recorded through the event store alone, before the read model starts to follow the log, so that
    // the service is ready (/health) once the read model shows the reference data too.
    const load = await loadReferenceData(this.store, readKgAdminUnits(), this.clock());
    this.logger.info(load, 'reference data recorded');
    await super.onApplicationBootstrap();
  }
}

@Module({})
export class RegionsModule {
  static create(config: ServiceConfig, logger: Logger): DynamicModule {
    return subgraphModule(RegionsModule, config, logger, {
      integration: REGIONS_INTEGRATION,
      projections: [regionsProjection],
      lifecycle: RegionsLifecycle,
      providers: [
        {
          provide: REGIONS_QUERIES,
          inject: [READ_MODELS],
          useFactory: (db: ReadModels) => new RegionsQueries(db as Kysely<RegionsTables>),
        },
        {
          provide: REGIONS_COMMANDS,
          inject: [EVENT_STORE, REGIONS_QUERIES, PROJECTIONS, CLOCK],
          useFactory: (
            store: EventStore,
            queries: RegionsQueries,
            projections: ProjectionsHost,
            clock: () => Date,
          ) => new RegionsCommands(store, queries, projections, clock),
        },
        {
          provide: REGIONS_LOADERS,
          inject: [REGIONS_QUERIES],
          useFactory: (queries: RegionsQueries) => new RegionsLoaders(queries),
        },
        UnitsResolver,
        AuthoritiesResolver,
        ReformStagesResolver,
      ],
    });
  }
}
