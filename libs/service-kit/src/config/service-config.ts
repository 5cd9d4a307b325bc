import { authConfigFromEnv, ConfigurationError, type AuthConfig } from '@redtape/auth';
import { resolve } from 'node:path';
import type { Level } from 'pino';
import {
  dataDirSetting,
  kafkaBrokersSetting,
  logLevelSetting,
  portSetting,
  settingsReader,
} from './settings.js';

export interface ServiceConfig {
  readonly service: string;
  readonly host: string;
  readonly port: number;
  readonly production: boolean;
  readonly dataDir: string;
  /** The event store file every service of the embedded topology shares. */
  readonly eventStoreFile: string;
  /** This service's own read models. */
  readonly readModelFile: string;
  readonly auth: AuthConfig;
  readonly logLevel: Level;
  /** Kafka bootstrap brokers; the relay to Kafka runs only when they are given. */
  readonly kafkaBrokers: readonly string[] | undefined;
}

function eventStoreSetting(env: NodeJS.ProcessEnv): 'sqlite' {
  const value = env['EVENT_STORE'] || 'sqlite';
  if (value !== 'sqlite')
    throw new ConfigurationError(
      `EVENT_STORE must be sqlite (postgres and kurrentdb arrive with their adapters), got "${value}"`,
    );
  return value;
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
  settings.read(() => eventStoreSetting(env));
  const auth = settings.read(() => authConfigFromEnv(env, { dataDir }));
  const kafkaBrokers = settings.read(() => kafkaBrokersSetting(env));
  settings.finish();
  return {
    service,
    host: env['HOST'] || '127.0.0.1',
    port,
    production: env['NODE_ENV'] === 'production',
    dataDir,
    eventStoreFile: resolve(dataDir, 'events.db'),
    readModelFile: resolve(dataDir, `${service}.read-models.db`),
    auth,
    logLevel,
    kafkaBrokers,
  };
}
