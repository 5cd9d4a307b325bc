/**
 * A writer in a process of its own, for the contract suite's cross-process concurrency test: it opens
 * the store, says it is ready, waits for "go" on stdin (so that every writer starts together), appends
 * one event with the given expected revision and prints the outcome as one JSON line.
 */
import { createInterface } from 'node:readline';
import {
  EventStoreError,
  StreamRevisionConflict,
  openEventStore,
  type EventStoreConnection,
} from '../index.js';

interface WriterTask {
  connection: EventStoreConnection;
  streamId: string;
  expectedRevision: string;
  eventId: string;
}

const task = JSON.parse(process.argv[2] ?? '{}') as WriterTask;
const store = await openEventStore(task.connection);
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) {
  if (line.trim() !== 'go') continue;
  try {
    const result = await store.appendToStream(
      task.streamId,
      [{ id: task.eventId, type: 'WriterWon', data: { pid: process.pid } }],
      BigInt(task.expectedRevision),
    );
    process.stdout.write(
      `${JSON.stringify({ outcome: 'appended', revision: String(result.nextExpectedRevision) })}\n`,
    );
  } catch (error) {
    const actual = error instanceof StreamRevisionConflict ? String(error.actual) : undefined;
    const code = error instanceof EventStoreError ? error.code : String(error);
    process.stdout.write(`${JSON.stringify({ outcome: 'refused', code, actual })}\n`);
  }
  break;
}
lines.close();
await store.close();
