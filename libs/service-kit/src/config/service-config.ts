import { authConfigFromEnv, type AuthConfig } from '@redtape/auth';
import { graphqlLimitsFromEnv, type GraphQLLimits } from '@redtape/graphql-guard';
import { resolve } from 'node:path';
import type { Level } from 'pino';
import type { EventStoreConnection } from '@redtape/event-store';
import { dataDirSetting, logLevelSetting, portSetting, settingsReader } from '@redtape/platform';
import {
  databaseUrlSetting,
  eventStoreKindSetting,
  kafkaBrokersSetting,
  kurrentDbUrlSetting,
  readModelKindSetting,
  statementLogSetting,
  type EventStoreKind,
} from './settings.js';

/** Where a service keeps its read models: a SQLite file of its own, or a PostgreSQL schema named after it. */
export type ReadModelsConnection =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema: string };

export interface ServiceConfig {
  readonly service: string;
  readonly host: string;
  readonly port: number;
  readonly production: boolean;
  readonly dataDir: string;
  /** The event store every service shares: by default the embedded topology's one SQLite file. */
  readonly eventStore: EventStoreConnection;
  /** This service's own read models. */
  readonly readModels: ReadModelsConnection;
  readonly auth: AuthConfig;
  readonly logLevel: Level;
  /** Kafka bootstrap brokers; the relay to Kafka runs only when they are given. */
  readonly kafkaBrokers: readonly string[] | undefined;
  /** What one GraphQL request may ask and spend (GRAPHQL_* settings). */
  readonly graphqlLimits: GraphQLLimits;
  /** Where to append the read-model statements run for GraphQL requests (see `statementLogger`); off when undefined. */
  readonly statementLog: string | undefined;
}

function eventStoreConnection(
  kind: EventStoreKind,
  dataDir: string,
  urls: { database: string | undefined; kurrentDb: string | undefined },
): EventStoreConnection {
  if (kind === 'postgres') return { kind, url: urls.database! };
  if (kind === 'kurrentdb') return { kind, url: urls.kurrentDb! };
  return { kind, file: resolve(dataDir, 'events.db') };
}

/** Reads and checks a subgraph's configuration; every bad value is reported by its variable's name. */
export function serviceConfigFromEnv(
  env: NodeJS.ProcessEnv,
  service: string,
  options: { portVariable: string; defaultPort: number },
): ServiceConfig {
  const settings = settingsReader();
  const dataDir = dataDirSetting(env);
  // Port 0 lets the system choose, which tests use to run services side by side.
  const port = settings.read(() => portSetting(env, options.portVariable, options.defaultPort, true));
  const logLevel = settings.read(() => logLevelSetting(env));
  const eventStoreKind = settings.read(() => eventStoreKindSetting(env));
  const readModelKind = settings.read(() => readModelKindSetting(env));
  const databaseUrl = settings.read(() => databaseUrlSetting(env, eventStoreKind, readModelKind));
  const kurrentDbUrl = settings.read(() => kurrentDbUrlSetting(env, eventStoreKind));
  const auth = settings.read(() => authConfigFromEnv(env, { dataDir }));
  const kafkaBrokers = settings.read(() => kafkaBrokersSetting(env));
  const graphqlLimits = settings.read(() => graphqlLimitsFromEnv(env));
  const statementLog = statementLogSetting(env);
  settings.finish();
  return {
    service,
    host: env['HOST'] || '127.0.0.1',
    port,
    production: env['NODE_ENV'] === 'production',
    dataDir,
    eventStore: eventStoreConnection(eventStoreKind, dataDir, {
      database: databaseUrl,
      kurrentDb: kurrentDbUrl,
    }),
    readModels:
      readModelKind === 'postgres'
        ? { kind: 'postgres', url: databaseUrl!, schema: service }
        : { kind: 'sqlite', file: resolve(dataDir, `${service}.read-models.db`) },
    auth,
    logLevel,
    kafkaBrokers,
    graphqlLimits,
    statementLog,
  };
}
