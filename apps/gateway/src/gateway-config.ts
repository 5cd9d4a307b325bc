import { resolve } from 'node:path';
import { ConfigurationError, authConfigFromEnv, type AuthConfig } from '@redtape/auth';
import { graphqlLimitsFromEnv, type GraphQLLimits } from '@redtape/graphql-guard';
import { dataDirSetting, logLevelSetting, portSetting, settingsReader } from '@redtape/platform';
import type { Level } from 'pino';
import { APPS_DIR } from './repository-paths.js';
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

/** What the gateway's HTTP server accepts before it answers 413 or 431. */
export interface HttpLimits {
  /** Largest request body, in bytes (GRAPHQL_MAX_BODY_BYTES, the same as the subgraphs'). */
  readonly maxBodyBytes: number;
  /** Largest request head (request line and headers), in bytes (GATEWAY_MAX_HEADER_BYTES). */
  readonly maxHeaderBytes: number;
}

/**
 * 100 KiB holds this graph's largest sensible operation with its variables many times over; 16 KiB
 * of headers is Node's own default, room for a bearer token and the usual browser headers.
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = { maxBodyBytes: 100 * 1024, maxHeaderBytes: 16 * 1024 };

export interface GatewayConfig {
  readonly host: string;
  readonly port: number;
  readonly production: boolean;
  readonly logLevel: Level;
  readonly dataDir: string;
  readonly subgraphs: readonly SubgraphSource[];
  /** Subgraphs to serve without, by name (GATEWAY_LEAVE_OUT); the gateway refuses a partial graph otherwise. */
  readonly leaveOut: readonly string[];
  readonly auth: AuthConfig;
  readonly limits: HttpLimits;
  /** What one GraphQL request may ask (GRAPHQL_* settings, the same as the subgraphs'). */
  readonly graphqlLimits: GraphQLLimits;
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
  const settings = settingsReader();
  const read = settings.read;
  const appsDir = locations.appsDir ?? APPS_DIR;
  const dataDir =
    locations.repositoryRoot && !env['REDTAPE_DATA_DIR']
      ? resolve(locations.repositoryRoot, 'data')
      : dataDirSetting(env);
  const port = read(() => portSetting(env, 'GATEWAY_PORT', 4000));
  const logLevel = read(() => logLevelSetting(env));
  const subgraphs = KNOWN_SUBGRAPHS.map((subgraph) =>
    read(() => ({
      name: subgraph.name,
      url: subgraphUrl(env, subgraph),
      schemaFile: resolve(appsDir, subgraph.name, 'schema.graphql'),
    })),
  );
  const leaveOut = read(() => leaveOutSetting(env)) ?? [];
  const auth = read(() => authConfigFromEnv(env, { dataDir }));
  const graphqlLimits = read(() => graphqlLimitsFromEnv(env));
  const limits = {
    maxBodyBytes: graphqlLimits?.maxBodyBytes ?? DEFAULT_HTTP_LIMITS.maxBodyBytes,
    maxHeaderBytes: read(() =>
      byteSetting(env, 'GATEWAY_MAX_HEADER_BYTES', DEFAULT_HTTP_LIMITS.maxHeaderBytes),
    ),
  };

  settings.finish();
  return {
    host: env['HOST'] || '127.0.0.1',
    port,
    production: env['NODE_ENV'] === 'production',
    logLevel,
    dataDir,
    subgraphs,
    leaveOut,
    auth,
    limits,
    graphqlLimits,
  };
}

function leaveOutSetting(env: NodeJS.ProcessEnv): string[] {
  const names = (env['GATEWAY_LEAVE_OUT'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const known: readonly string[] = KNOWN_SUBGRAPHS.map(({ name }) => name);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0)
    throw new ConfigurationError(
      `GATEWAY_LEAVE_OUT names no subgraph: ${unknown.join(', ')} (the subgraphs are ${known.join(', ')})`,
    );
  if (known.every((name) => names.includes(name)))
    throw new ConfigurationError('GATEWAY_LEAVE_OUT leaves out every subgraph');
  return [...new Set(names)];
}

// Below a kilobyte no GraphQL request or browser request head fits; above 64 MiB is no longer a limit.
const SMALLEST_LIMIT = 1024;
const LARGEST_LIMIT = 64 * 1024 * 1024;

function byteSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const bytes = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(bytes >= SMALLEST_LIMIT && bytes <= LARGEST_LIMIT))
    throw new ConfigurationError(
      `${name} must be a number of bytes from ${SMALLEST_LIMIT} to ${LARGEST_LIMIT}, got "${value}"`,
    );
  return bytes;
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

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
