import { parseArgs } from 'node:util';

export const REPLAY_USAGE =
  "usage: replay --contract <module whose default export (or `integrationContract`) is the context's " +
  'IntegrationContract> --brokers <host:port[,host:port…], default $KAFKA_BROKERS> ' +
  '[--events <SQLite event store, default $REDTAPE_DATA_DIR/events.db>] [--from <global position, default the start>] ' +
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
      readonly events: string | undefined;
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
  const { contract, events } = values;
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
