/**
 * Publishes a context's events again to its Kafka topic, from a global position (or the start),
 * without touching the live relay's checkpoint:
 *
 *   node --conditions=@redtape/source --import tsx libs/kafka-relay/src/cli/replay.ts \
 *     --contract apps/<context>/src/integration-contract.ts --brokers 127.0.0.1:9092 --from 1200
 *
 * Progress goes to stderr (a bar on a terminal, a line per tenth otherwise); the summary to stdout.
 */
import { openEventStore } from '@redtape/event-store';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IntegrationContract } from '../integration-events.js';
import { ReplayInterrupted, replayToKafka, type ReplayProgress } from '../replay.js';
import { progressLine } from './progress-bar.js';
import { REPLAY_USAGE, UsageError, parseReplayArguments } from './replay-arguments.js';

// Same depth from src/cli and dist/cli.
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

function isContract(value: unknown): value is IntegrationContract {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { context?: unknown }).context === 'string' &&
    typeof (value as { catalog?: unknown }).catalog === 'object'
  );
}

/** The module's default export, its `integrationContract`, or else its one exported contract. */
async function loadContract(path: string): Promise<IntegrationContract> {
  const module = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
  const preferred = [module['integrationContract'], module['default']].find(isContract);
  const exported = Object.values(module).filter(isContract);
  const contract = preferred ?? (exported.length === 1 ? exported[0] : undefined);
  if (!contract)
    throw new UsageError(
      `${path} exports ${exported.length === 0 ? 'no' : 'more than one'} IntegrationContract ` +
        '(name one as default or as integrationContract)',
    );
  return contract;
}

function progressReporter(): (progress: ReplayProgress) => void {
  if (process.stderr.isTTY) {
    return (progress) => process.stderr.write(`\r${progressLine(progress)}`);
  }
  let lastTenth = -1;
  return (progress) => {
    const tenth = Math.floor(progress.fraction * 10);
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    process.stderr.write(`${progressLine(progress)}\n`);
  };
}

async function run(): Promise<number> {
  const command = parseReplayArguments(process.argv.slice(2), process.env);
  if (command.kind === 'help') {
    process.stdout.write(`${REPLAY_USAGE}\n`);
    return 0;
  }
  const contract = await loadContract(command.contract);
  const dataDir = resolve(process.env['REDTAPE_DATA_DIR'] ?? resolve(REPOSITORY_ROOT, 'data'));
  const store = await openEventStore(
    command.events?.kind === 'sqlite'
      ? { kind: 'sqlite', file: resolve(command.events.file) }
      : (command.events ?? { kind: 'sqlite', file: resolve(dataDir, 'events.db') }),
  );
  const abort = new AbortController();
  process.once('SIGINT', () => abort.abort(new Error('interrupted')));
  try {
    const result = await replayToKafka({
      ...contract,
      store,
      brokers: command.brokers,
      clientId: command.clientId,
      ...(command.from === undefined ? {} : { from: command.from }),
      ...(command.batchSize === undefined ? {} : { batchSize: command.batchSize }),
      onProgress: progressReporter(),
      signal: abort.signal,
    });
    if (process.stderr.isTTY) process.stderr.write('\n');
    process.stdout.write(
      `replayed ${result.published} events to ${result.topic}` +
        (result.lastPosition === undefined ? '\n' : `, the last at position ${result.lastPosition}\n`),
    );
    return 0;
  } finally {
    await store.close();
  }
}

try {
  process.exitCode = await run();
} catch (error) {
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (error instanceof UsageError) {
    process.stderr.write(`replay: ${error.message}\n${REPLAY_USAGE}\n`);
    process.exitCode = 2;
  } else if (error instanceof ReplayInterrupted) {
    process.stderr.write(`replay: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`replay: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
