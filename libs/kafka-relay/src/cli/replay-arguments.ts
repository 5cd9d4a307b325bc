import {
  KURRENTDB_URL_PROTOCOLS,
  POSTGRES_URL_PROTOCOLS,
  type EventStoreConnection,
} from '@redtape/event-store';
import { parseArgs } from 'node:util';

export const REPLAY_USAGE =
  "usage: replay --contract <module whose default export (or `integrationContract`) is the context's " +
  'IntegrationContract> --brokers <host:port[,host:port…], default $KAFKA_BROKERS> ' +
  '[--events <a SQLite file, a postgres:// or a kurrentdb:// connection string; default as the services: ' +
  'EVENT_STORE with DATABASE_URL or KURRENTDB_URL, else $REDTAPE_DATA_DIR/events.db>] ' +
  '[--from <global position, default the start>] ' +
  '[--client-id <id>] [--batch-size <n>]';

/** The command line asks for something the command cannot do; the message says what to change. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export type ReplayCommand =
  | { readonly kind: 'help' }
  | {
      readonly kind: 'replay';
      readonly contract: string;
      readonly brokers: string[];
      /** Undefined: the SQLite file of the data folder, which the caller knows. */
      readonly events: EventStoreConnection | undefined;
      readonly from: bigint | undefined;
      readonly clientId: string;
      readonly batchSize: number | undefined;
    };

const BROKER = /^[^\s:,]+:\d{1,5}$/;

export function parseReplayArguments(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): ReplayCommand {
  const values = parseFlags(args);
  if (values.help) return { kind: 'help' };
  const { contract } = values;
  const events = eventStoreOf(values.events, env);
  if (contract === undefined) throw new UsageError('--contract is required');
  const brokerList = values.brokers ?? env['KAFKA_BROKERS'];
  if (brokerList === undefined || brokerList.trim() === '')
    throw new UsageError('--brokers is required (or set KAFKA_BROKERS)');
  const brokers = brokerList.split(',').map((broker) => broker.trim());
  const wrong = brokers.find((broker) => !BROKER.test(broker));
  if (wrong !== undefined) throw new UsageError(`--brokers must list host:port pairs, got "${wrong}"`);
  let from: bigint | undefined;
  if (values.from !== undefined) {
    if (!/^\d+$/.test(values.from))
      throw new UsageError(`--from must be a global position (an integer ≥ 0), got "${values.from}"`);
    from = BigInt(values.from);
  }
  let batchSize: number | undefined;
  if (values['batch-size'] !== undefined) {
    batchSize = Number(values['batch-size']);
    if (!Number.isSafeInteger(batchSize) || batchSize < 1)
      throw new UsageError(`--batch-size must be a positive integer, got "${values['batch-size']}"`);
  }
  return {
    kind: 'replay',
    contract,
    brokers,
    events,
    from,
    clientId: values['client-id'] ?? 'redtape-replay',
    batchSize,
  };
}

/** `--events` names the store by its connection string or file; without it, the services' settings do. */
function eventStoreOf(
  events: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): EventStoreConnection | undefined {
  if (events === undefined) {
    const kind = env['EVENT_STORE'] || 'sqlite';
    const variable = { postgres: 'DATABASE_URL', kurrentdb: 'KURRENTDB_URL' }[kind];
    if (kind === 'sqlite') return undefined;
    if (variable === undefined)
      throw new UsageError(`EVENT_STORE must be sqlite, postgres or kurrentdb, got "${kind}"`);
    const url = env[variable];
    if (!url) throw new UsageError(`EVENT_STORE=${kind} needs ${variable} (or pass --events)`);
    return eventStoreOf(url, {});
  }
  const protocol = /^[a-z+]+:/.exec(events)?.[0];
  if (protocol !== undefined && POSTGRES_URL_PROTOCOLS.includes(protocol))
    return { kind: 'postgres', url: events };
  if (protocol !== undefined && KURRENTDB_URL_PROTOCOLS.includes(protocol))
    return { kind: 'kurrentdb', url: events };
  return { kind: 'sqlite', file: events };
}

function parseFlags(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        contract: { type: 'string' },
        brokers: { type: 'string' },
        events: { type: 'string' },
        from: { type: 'string' },
        'client-id': { type: 'string' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
