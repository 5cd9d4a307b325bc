import { resolve } from 'node:path';
import { ConfigurationError, authConfigFromEnv, type AuthConfig } from '@redtape/auth';
import type { Level } from 'pino';
import { LOG_LEVELS } from './logging/logger.js';
import { APPS_DIR, REPOSITORY_ROOT } from './repository-paths.js';
import type { SubgraphSource } from './supergraph.js';

/** The subgraphs the gateway knows, each with the variables that locate it. */
export const KNOWN_SUBGRAPHS = [
  { name: 'regions', urlVariable: 'REGIONS_URL', portVariable: 'REGIONS_PORT', defaultPort: 4001 },
  { name: 'procedures', urlVariable: 'PROCEDURES_URL', portVariable: 'PROCEDURES_PORT', defaultPort: 4002 },
  {
    name: 'accountability',
    urlVariable: 'ACCOUNTABILITY_URL',
    portVariable: 'ACCOUNTABILITY_PORT',
    defaultPort: 4003,
  },
] as const;

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  readonly production: boolean;
  readonly logLevel: Level;
  readonly dataDir: string;
  readonly subgraphs: readonly SubgraphSource[];
  readonly auth: AuthConfig;
}

export interface GatewayConfigLocations {
  /** Holds `<subgraph>/schema.graphql`; defaults to the repository's apps/. */
  readonly appsDir?: string;
  /** Holds the default data dir, `data/`. */
  readonly repositoryRoot?: string;
}

/** Reads and checks every setting at once, so one failed start lists everything to fix. */
export function gatewayConfigFromEnv(
  env: NodeJS.ProcessEnv,
  locations: GatewayConfigLocations = {},
): GatewayConfig {
  const problems: string[] = [];
  const read = <T>(check: () => T): T | undefined => {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };

  const appsDir = locations.appsDir ?? APPS_DIR;
  const dataDir = resolve(
    env['REDTAPE_DATA_DIR'] || resolve(locations.repositoryRoot ?? REPOSITORY_ROOT, 'data'),
  );
  const port = read(() => portSetting(env, 'GATEWAY_PORT', 4000));
  const logLevel = read(() => logLevelSetting(env));
  const subgraphs = KNOWN_SUBGRAPHS.map((subgraph) =>
    read(() => ({
      name: subgraph.name,
      url: subgraphUrl(env, subgraph),
      schemaFile: resolve(appsDir, subgraph.name, 'schema.graphql'),
    })),
  );
  const auth = read(() => authConfigFromEnv(env, { dataDir }));

  if (problems.length > 0) throw new ConfigurationError(problems);
  return {
    host: env['HOST'] || '127.0.0.1',
    port: port!,
    production: env['NODE_ENV'] === 'production',
    logLevel: logLevel!,
    dataDir,
    subgraphs: subgraphs.map((subgraph) => subgraph!),
    auth: auth!,
  };
}

function subgraphUrl(env: NodeJS.ProcessEnv, subgraph: (typeof KNOWN_SUBGRAPHS)[number]): string {
  const url = env[subgraph.urlVariable];
  // A bad port is a mistake even when the URL makes it unused.
  const port = portSetting(env, subgraph.portVariable, subgraph.defaultPort);
  if (!url) return `http://127.0.0.1:${port}/graphql`;
  if (!isHttpUrl(url))
    throw new ConfigurationError(`${subgraph.urlVariable} must be an http or https URL, got "${url}"`);
  return url;
}

function portSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (!value) return fallback;
  const port = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new ConfigurationError(`${name} must be a port number from 1 to 65535, got "${value}"`);
  }
  return port;
}

function logLevelSetting(env: NodeJS.ProcessEnv): Level {
  const value = env['LOG_LEVEL'];
  if (!value) return 'info';
  const level = LOG_LEVELS.find((known) => known === value);
  if (level === undefined)
    throw new ConfigurationError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  return level;
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
