/**
 * The writer in a separate OS process for the subscription-latency bench. Usage:
 *   latency-writer.ts <store file> <stream id>
 * Prints "ready" once the store is open; then for every sample number read on stdin appends one event
 * to the stream and answers with a JSON line of the sample's clock stamps.
 */
import { createInterface } from 'node:readline';
import type { ExpectedRevision } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { monotonicMs } from './clock.js';
import { sampleEvent } from './sample-events.js';

const [file, streamId] = process.argv.slice(2);
if (!file || !streamId) throw new Error('usage: latency-writer.ts <store file> <stream id>');

const store = SqliteEventStore.open(file);
let expected: ExpectedRevision = 'no_stream';
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const sample = Number(line);
  const appendedAt = monotonicMs();
  const result = await store.appendToStream(streamId, [sampleEvent({ sample })], expected);
  const committedAt = monotonicMs();
  expected = result.nextExpectedRevision;
  process.stdout.write(`${JSON.stringify({ sample, appendedAt, committedAt })}\n`);
}
await store.close();
