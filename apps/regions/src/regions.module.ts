import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { EventStore } from '@redtape/event-store';
import type { ReadModels } from '@redtape/projections';
import {
  CLOCK,
  coreProviders,
  EVENT_STORE,
  HealthController,
  kafkaRelayProviders,
  PROJECTIONS,
  projectionsProvider,
  LOGGER,
  type ProjectionsHost,
  READ_MODELS,
  subgraphOptions,
  type ServiceConfig,
} from '@redtape/service-kit';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { RegionsCommands } from './application/regions-commands.js';
import { AuthoritiesResolver } from './graphql/authorities.resolver.js';
import { ReformStagesResolver } from './graphql/reform-stages.resolver.js';
import { RegionsLoaders } from './graphql/regions-loaders.js';
import { UnitsResolver } from './graphql/units.resolver.js';
import { RegionsQueries } from './read-model/regions-queries.js';
import { regionsProjection } from './read-model/regions.projection.js';
import type { RegionsTables } from './read-model/regions-tables.js';
import { loadReferenceData, readKgAdminUnits } from './reference-data/load-reference-data.js';
import { REGIONS_COMMANDS, REGIONS_LOADERS, REGIONS_QUERIES } from './tokens.js';
import { REGIONS_INTEGRATION } from './integration-contract.js';

/** Records the reference data and keeps the read model up to date for as long as the service runs. */
@Injectable()
class RegionsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTIONS) private readonly projections: ProjectionsHost,
    @Inject(CLOCK) private readonly clock: () => Date,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Recorded through the event store alone, before the read model starts to follow the log, so that
    // the service is ready (/health) once the read model shows the reference data too.
    const load = await loadReferenceData(this.store, readKgAdminUnits(), this.clock());
    this.logger.info(load, 'reference data recorded');
    await this.projections.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.projections.stop();
  }
}

@Module({})
export class RegionsModule {
  static create(config: ServiceConfig, logger: Logger): DynamicModule {
    return {
      module: RegionsModule,
      imports: [
        GraphQLModule.forRoot<ApolloFederationDriverConfig>({
          ...subgraphOptions(config, logger),
          driver: ApolloFederationDriver,
        }),
      ],
      controllers: [HealthController],
      providers: [
        ...coreProviders(config, logger),
        ...kafkaRelayProviders(REGIONS_INTEGRATION),
        {
          provide: REGIONS_QUERIES,
          inject: [READ_MODELS],
          useFactory: (db: ReadModels) => new RegionsQueries(db as Kysely<RegionsTables>),
        },
        projectionsProvider([regionsProjection]),
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
        RegionsLifecycle,
        {
          provide: REGIONS_LOADERS,
          inject: [REGIONS_QUERIES],
          useFactory: (queries: RegionsQueries) => new RegionsLoaders(queries),
        },
        UnitsResolver,
        AuthoritiesResolver,
        ReformStagesResolver,
      ],
    };
  }
}
