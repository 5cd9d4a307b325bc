import { authConfigFromEnv, ConfigurationError, type AuthConfig } from '@redtape/auth';
import { resolve } from 'node:path';

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
  readonly logLevel: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function portFrom(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const raw = env[variable];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 0 || port > 65535)
    throw new ConfigurationError(
      `${variable} must be a port number from 0 to 65535, not ${JSON.stringify(raw)}`,
    );
  return port;
}

export function dataDirFrom(env: NodeJS.ProcessEnv): string {
  return resolve(env['REDTAPE_DATA_DIR'] || 'data');
}

/** Reads and checks a service's configuration; every bad value is reported by its variable's name. */
export function serviceConfigFromEnv(
  env: NodeJS.ProcessEnv,
  service: string,
  options: { portVariable: string; defaultPort: number },
): ServiceConfig {
  const dataDir = dataDirFrom(env);
  const logLevel = env['LOG_LEVEL'] || 'info';
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigurationError(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not ${JSON.stringify(logLevel)}`,
    );
  const eventStore = env['EVENT_STORE'] || 'sqlite';
  if (eventStore !== 'sqlite')
    throw new ConfigurationError(
      `EVENT_STORE must be sqlite (postgres and kurrentdb arrive with their adapters), not ${JSON.stringify(eventStore)}`,
    );
  return {
    service,
    host: env['HOST'] || '127.0.0.1',
    port: portFrom(env, options.portVariable, options.defaultPort),
    production: env['NODE_ENV'] === 'production',
    dataDir,
    eventStoreFile: resolve(dataDir, 'events.db'),
    readModelFile: resolve(dataDir, `${service}.read-models.db`),
    auth: authConfigFromEnv(env, { dataDir }),
    logLevel,
  };
}
