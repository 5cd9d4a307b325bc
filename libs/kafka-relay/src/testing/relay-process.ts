/**
 * A relay in a process of its own, for the tests that kill it for real (SIGKILL): started by
 * `startRelayProcess` with its settings as one JSON argument. It prints `ready <status>` once the
 * relay has started and logs JSON lines to stderr; it runs until killed, or stops cleanly on SIGTERM.
 */
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { openSqliteReadModels } from '@redtape/projections';
import { KafkaRelay } from '../kafka-relay.js';
import type { RelayLogger } from '../kafka-publisher.js';
import { testContract } from './test-contract.js';

export interface RelayProcessSettings {
  readonly eventsFile: string;
  readonly dbFile: string;
  readonly brokers: string[];
  readonly context: string;
  readonly holder: string;
  readonly batchSize: number;
  readonly leaseMs: number;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as RelayProcessSettings;

const line =
  (level: string) =>
  (fields: object, message: string): void => {
    if (level === 'debug') return;
    process.stderr.write(`${JSON.stringify({ level, holder: settings.holder, ...fields, message })}\n`);
  };
const logger: RelayLogger = {
  debug: line('debug'),
  info: line('info'),
  warn: line('warn'),
  error: line('error'),
};

const store = SqliteEventStore.open(settings.eventsFile);
const db = openSqliteReadModels(settings.dbFile);
const relay = new KafkaRelay({
  ...testContract(settings.context),
  store,
  db,
  brokers: settings.brokers,
  clientId: `relay-process-${settings.holder}`,
  holder: settings.holder,
  batchSize: settings.batchSize,
  leaseMs: settings.leaseMs,
  logger,
});

process.once('SIGTERM', () => {
  void relay.stop().then(async () => {
    await store.close();
    await db.destroy();
    process.exit(0);
  });
});

await relay.start();
process.stdout.write(`ready ${relay.status}\n`);
relay.done.catch(() => process.exit(3));
