import { Module, type DynamicModule } from '@nestjs/common';
import type { EventStore } from '@redtape/event-store';
import type { ReadModels } from '@redtape/projections';
import { RegionsMirrorQueries, regionsMirrorProjection } from '@redtape/regions-mirror';
import {
  CLOCK,
  EVENT_STORE,
  PROJECTIONS,
  type ProjectionsHost,
  READ_MODELS,
  subgraphModule,
  type ServiceConfig,
} from '@redtape/service-kit';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { ProcedureHistory } from '@redtape/procedures-application';
import { ProceduresCommands } from '@redtape/procedures-application';
import { ProcedureMutationsResolver } from './graphql/procedure-mutations.resolver.js';
import { ProcedureQueriesResolver } from './graphql/procedure-queries.resolver.js';
import { UnitProceduresResolver } from './graphql/units.resolver.js';
import { auditTrailProjection } from '@redtape/procedures-read-model';
import { ProceduresQueries } from '@redtape/procedures-read-model';
import { proceduresProjection } from '@redtape/procedures-read-model';
import type { ProceduresTables } from '@redtape/procedures-read-model';
import {
  PROCEDURE_HISTORY,
  PROCEDURES_COMMANDS,
  PROCEDURES_LOADERS,
  PROCEDURES_QUERIES,
  REGIONS_MIRROR,
} from './tokens.js';
import { ProceduresLoaders } from './graphql/procedures-loaders.js';
import { PROCEDURES_INTEGRATION } from './integration-contract.js';

@Module({})
export class ProceduresModule {
  static create(config: ServiceConfig, logger: Logger): DynamicModule {
    return subgraphModule(ProceduresModule, config, logger, {
      integration: PROCEDURES_INTEGRATION,
      projections: [regionsMirrorProjection, proceduresProjection, auditTrailProjection],
      providers: [
        {
          provide: PROCEDURES_QUERIES,
          inject: [READ_MODELS],
          useFactory: (db: ReadModels) => new ProceduresQueries(db as Kysely<ProceduresTables>),
        },
        {
          provide: REGIONS_MIRROR,
          inject: [READ_MODELS],
          useFactory: (db: ReadModels) => new RegionsMirrorQueries(db),
        },
        {
          provide: PROCEDURES_COMMANDS,
          inject: [EVENT_STORE, REGIONS_MIRROR, PROJECTIONS, CLOCK],
          useFactory: (
            store: EventStore,
            mirror: RegionsMirrorQueries,
            projections: ProjectionsHost,
            clock: () => Date,
          ) => new ProceduresCommands(store, mirror, projections, clock),
        },
        {
          provide: PROCEDURE_HISTORY,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new ProcedureHistory(store),
        },
        {
          provide: PROCEDURES_LOADERS,
          inject: [PROCEDURES_QUERIES, REGIONS_MIRROR],
          useFactory: (queries: ProceduresQueries, mirror: RegionsMirrorQueries) =>
            new ProceduresLoaders(queries, mirror),
        },
        ProcedureQueriesResolver,
        ProcedureMutationsResolver,
        UnitProceduresResolver,
      ],
    });
  }
}
