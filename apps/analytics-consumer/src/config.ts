import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Level } from 'pino';

// From apps/analytics-consumer/{src,dist}/ up to the repository.
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const DEFAULT_GROUP_ID = 'redtape-analytics';
export const LOG_LEVELS: readonly Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

export interface AnalyticsConfig {
  readonly brokers: readonly string[];
  readonly groupId: string;
  /** The SQLite file. */
  readonly db: string;
  readonly logLevel: Level;
}

/** Every bad variable at once, one line each. */
export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = new.target.name;
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const problem = (message: string) => new ConfigurationError([message]);

const BROKER = /^[A-Za-z0-9.-]+:\d{1,5}$/;
// Kafka's own limit on names; the group id also appears in logs and tools.
const GROUP_ID = /^[A-Za-z0-9._-]{1,249}$/;

function brokers(env: Env): string[] {
  const value = env['KAFKA_BROKERS']?.trim();
  if (!value)
    throw problem('KAFKA_BROKERS is required: comma-separated host:port pairs, e.g. 127.0.0.1:9092');
  const list = value.split(',').map((broker) => broker.trim());
  const bad = list.filter((broker) => !BROKER.test(broker) || Number(broker.split(':').at(-1)) > 65535);
  if (bad.length > 0)
    throw problem(`KAFKA_BROKERS must list host:port pairs separated by commas, got "${value}"`);
  return list;
}

function groupId(env: Env): string {
  const value = env['ANALYTICS_GROUP_ID'];
  if (value === undefined || value === '') return DEFAULT_GROUP_ID;
  if (!GROUP_ID.test(value))
    throw problem(
      `ANALYTICS_GROUP_ID must be 1 to 249 letters, digits, dots, underscores or hyphens, got "${value}"`,
    );
  return value;
}

/** ANALYTICS_DB, or analytics.db in REDTAPE_DATA_DIR (the services' data folder, ./data by default). */
function db(env: Env): string {
  const value = env['ANALYTICS_DB'];
  if (value !== undefined && value !== '' && value.trim() === '')
    throw problem(`ANALYTICS_DB must be a file path, got "${value}"`);
  if (value) return resolve(value);
  return resolve(env['REDTAPE_DATA_DIR'] || resolve(REPOSITORY_ROOT, 'data'), 'analytics.db');
}

function logLevel(env: Env): Level {
  const value = env['LOG_LEVEL'];
  if (!value) return 'info';
  const level = LOG_LEVELS.find((known) => known === value);
  if (level === undefined) throw problem(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  return level;
}

/** Reads the configuration; throws a ConfigurationError naming every bad variable. */
export function analyticsConfigFromEnv(env: Env): AnalyticsConfig {
  const problems: string[] = [];
  const read = <T>(setting: (env: Env) => T): T | undefined => {
    try {
      return setting(env);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const config = { brokers: read(brokers), groupId: read(groupId), db: read(db), logLevel: read(logLevel) };
  if (problems.length > 0) throw new ConfigurationError(problems);
  return config as AnalyticsConfig;
}
