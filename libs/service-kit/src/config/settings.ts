import { ConfigurationError } from '@redtape/auth';
import { KURRENTDB_URL_PROTOCOLS, POSTGRES_URL_PROTOCOLS } from '@redtape/event-store';
import { resolve } from 'node:path';

const BROKER = /^[A-Za-z0-9.-]+:\d{1,5}$/;

/** KAFKA_BROKERS: comma-separated host:port pairs; unset or empty leaves Kafka off. */
export function kafkaBrokersSetting(env: NodeJS.ProcessEnv): string[] | undefined {
  const value = env['KAFKA_BROKERS']?.trim();
  if (!value) return undefined;
  const brokers = value.split(',').map((broker) => broker.trim());
  const bad = brokers.filter((broker) => !BROKER.test(broker));
  if (bad.length > 0)
    throw new ConfigurationError(
      `KAFKA_BROKERS must list host:port pairs separated by commas, got "${value}"`,
    );
  return brokers;
}

export const EVENT_STORE_KINDS = ['sqlite', 'postgres', 'kurrentdb'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];
export const READ_MODEL_KINDS = ['sqlite', 'postgres'] as const;
export type ReadModelKind = (typeof READ_MODEL_KINDS)[number];

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, kinds: readonly T[]): T {
  const value = env[name]?.trim() || kinds[0]!;
  const kind = kinds.find((known) => known === value);
  if (kind === undefined)
    throw new ConfigurationError(`${name} must be one of ${kinds.join(', ')}, got "${value}"`);
  return kind;
}

/** EVENT_STORE: where events are stored; the embedded SQLite file unless told otherwise. */
export function eventStoreKindSetting(env: NodeJS.ProcessEnv): EventStoreKind {
  return oneOf(env, 'EVENT_STORE', EVENT_STORE_KINDS);
}

/** READ_MODELS: where the projections keep their rows; SQLite files unless told otherwise. */
export function readModelKindSetting(env: NodeJS.ProcessEnv): ReadModelKind {
  return oneOf(env, 'READ_MODELS', READ_MODEL_KINDS);
}

/** Shows a connection string in a message without its password. */
function redacted(url: URL): string {
  const shown = new URL(url.href);
  if (shown.password) shown.password = '***';
  return shown.href;
}

function urlSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  protocols: readonly string[],
  neededBecause: string | undefined,
): string | undefined {
  const value = env[name]?.trim();
  if (!value) {
    if (neededBecause) throw new ConfigurationError(`${name} must be set when ${neededBecause}`);
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(
      `${name} must be a URL like ${protocols[0]}//host:port/…, got a malformed value`,
    );
  }
  if (!protocols.includes(url.protocol) || !url.hostname)
    throw new ConfigurationError(
      `${name} must be a ${protocols.map((p) => `${p}//`).join(' or ')} URL with a host, got "${redacted(url)}"`,
    );
  return value;
}

/** DATABASE_URL: the PostgreSQL server, needed when the event store or the read models live there. */
export function databaseUrlSetting(
  env: NodeJS.ProcessEnv,
  eventStore: EventStoreKind | undefined,
  readModels: ReadModelKind | undefined,
): string | undefined {
  const users = [
    eventStore === 'postgres' ? 'EVENT_STORE=postgres' : undefined,
    readModels === 'postgres' ? 'READ_MODELS=postgres' : undefined,
  ].filter((user) => user !== undefined);
  return urlSetting(env, 'DATABASE_URL', POSTGRES_URL_PROTOCOLS, users.join(' or ') || undefined);
}

/** KURRENTDB_URL: the KurrentDB connection string, needed when EVENT_STORE=kurrentdb. */
export function kurrentDbUrlSetting(
  env: NodeJS.ProcessEnv,
  eventStore: EventStoreKind | undefined,
): string | undefined {
  return urlSetting(
    env,
    'KURRENTDB_URL',
    KURRENTDB_URL_PROTOCOLS,
    eventStore === 'kurrentdb' ? 'EVENT_STORE=kurrentdb' : undefined,
  );
}

/** REDTAPE_STATEMENT_LOG: a file to append each statement run for a GraphQL request to; unset leaves it off. */
export function statementLogSetting(env: NodeJS.ProcessEnv): string | undefined {
  const value = env['REDTAPE_STATEMENT_LOG']?.trim();
  return value ? resolve(value) : undefined;
}
