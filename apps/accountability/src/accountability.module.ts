import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import type { EventStore } from '@redtape/event-store';
import type { ReadModels } from '@redtape/projections';
import { RegionsMirrorQueries, regionsMirrorProjection } from '@redtape/regions-mirror';
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
import { AccountabilityCommands } from '@redtape/accountability-application';
import { DeadlineWatcher } from '@redtape/accountability-application';
import { InstructionsResolver } from './graphql/instructions.resolver.js';
import { MeetingsResolver, ProgressReportsResolver } from './graphql/meetings.resolver.js';
import { OfficialsResolver } from './graphql/officials.resolver.js';
import { ProcedureResponsibilityResolver, UnitAccountabilityResolver } from './graphql/units.resolver.js';
import { AccountabilityQueries } from '@redtape/accountability-read-model';
import { accountabilityProjection } from '@redtape/accountability-read-model';
import type { AccountabilityTables } from '@redtape/accountability-read-model';
import { procedureOwnershipProjection } from '@redtape/accountability-read-model';
import {
  ACCOUNTABILITY_COMMANDS,
  ACCOUNTABILITY_LOADERS,
  ACCOUNTABILITY_QUERIES,
  REGIONS_MIRROR,
} from './tokens.js';
import { AccountabilityLoaders } from './graphql/accountability-loaders.js';
import { ACCOUNTABILITY_INTEGRATION } from './integration-contract.js';

const DEADLINE_WATCHER = Symbol('DEADLINE_WATCHER');

/**
 * Keeps the read models up to date and runs the deadline watcher: at start, then on a timer
 * (REDTAPE_DEADLINE_CHECK_MS, one minute by default), so an instruction turns OVERDUE the day after its deadline.
 */
@Injectable()
class AccountabilityLifecycle extends ProjectionsLifecycle {
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(
    projections: ProjectionsHost,
    private readonly watcher: DeadlineWatcher,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {
    super(projections);
  }

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    // The watcher reads the instructions' read model: it starts once that has caught up, while the
    // service already answers (a long catch-up shows on /health).
    void this.projections.whenReady().then(async () => {
      if (this.stopping) return;
      await this.checkDeadlines();
      this.timer = setInterval(() => void this.checkDeadlines(), this.intervalMs);
    });
  }

  override async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    await this.checking;
    await super.beforeApplicationShutdown();
  }

  private checkDeadlines(): Promise<void> {
    this.checking = this.checking.then(async () => {
      try {
        const { marked, positions } = await this.watcher.tick();
        if (marked.length > 0) this.logger.info({ instructions: marked }, 'instructions became overdue');
        await this.projections.waitFor(positions.at(-1));
      } catch (error) {
        this.logger.error({ err: error }, 'the deadline watcher failed; it tries again at the next check');
      }
    });
    return this.checking;
  }
}

@Module({})
export class AccountabilityModule {
  static create(config: ServiceConfig, logger: Logger, deadlineCheckMs: number): DynamicModule {
    return subgraphModule(AccountabilityModule, config, logger, {
      integration: ACCOUNTABILITY_INTEGRATION,
      projections: [regionsMirrorProjection, accountabilityProjection, procedureOwnershipProjection],
      lifecycle: {
        provide: AccountabilityLifecycle,
        inject: [PROJECTIONS, DEADLINE_WATCHER, LOGGER],
        useFactory: (projections: ProjectionsHost, watcher: DeadlineWatcher, log: Logger) =>
          new AccountabilityLifecycle(projections, watcher, log, deadlineCheckMs),
      },
      providers: [
        {
          provide: ACCOUNTABILITY_QUERIES,
          inject: [READ_MODELS],
          useFactory: (db: ReadModels) => new AccountabilityQueries(db as Kysely<AccountabilityTables>),
        },
        {
          provide: REGIONS_MIRROR,
          inject: [READ_MODELS],
          useFactory: (db: ReadModels) => new RegionsMirrorQueries(db as Kysely<AccountabilityTables>),
        },
        {
          provide: ACCOUNTABILITY_COMMANDS,
          inject: [EVENT_STORE, REGIONS_MIRROR, PROJECTIONS, CLOCK, ACCOUNTABILITY_QUERIES],
          useFactory: (
            store: EventStore,
            mirror: RegionsMirrorQueries,
            projections: ProjectionsHost,
            clock: () => Date,
            queries: AccountabilityQueries,
          ) => new AccountabilityCommands(store, mirror, projections, clock, queries),
        },
        {
          provide: DEADLINE_WATCHER,
          inject: [EVENT_STORE, ACCOUNTABILITY_QUERIES, CLOCK],
          useFactory: (store: EventStore, queries: AccountabilityQueries, clock: () => Date) =>
            new DeadlineWatcher(store, queries, clock),
        },
        {
          provide: ACCOUNTABILITY_LOADERS,
          inject: [ACCOUNTABILITY_QUERIES, REGIONS_MIRROR],
          useFactory: (queries: AccountabilityQueries, mirror: RegionsMirrorQueries) =>
            new AccountabilityLoaders(queries, mirror),
        },
        OfficialsResolver,
        InstructionsResolver,
        MeetingsResolver,
        ProgressReportsResolver,
        UnitAccountabilityResolver,
        ProcedureResponsibilityResolver,
      ],
    });
  }
}
