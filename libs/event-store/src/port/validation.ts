import type { ExpectedRevision, NewEvent } from './event-store.js';
import { InvalidEvent, InvalidStreamName } from './errors.js';

const MAX_STREAM_NAME_LENGTH = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.-]{0,127}$/;
// Printable characters only; `$` starts KurrentDB's system streams, which the application never writes.
const STREAM_NAME = /^[^\s$\p{C}][^\s\p{C}]*$/u;

export function assertValidStreamName(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string') throw new InvalidStreamName(streamId, 'must be a string');
  if (streamId.length === 0) throw new InvalidStreamName(streamId, 'must not be empty');
  if (streamId.length > MAX_STREAM_NAME_LENGTH)
    throw new InvalidStreamName(streamId, `must be at most ${MAX_STREAM_NAME_LENGTH} characters`);
  if (!STREAM_NAME.test(streamId))
    throw new InvalidStreamName(
      streamId,
      'must not start with $ nor contain white space or control characters',
    );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function assertJson(value: unknown, index: number, path: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidEvent(index, `${path} is not a finite number`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertJson(item, index, `${path}[${i}]`));
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) assertJson(item, index, `${path}.${key}`);
    return;
  }
  throw new InvalidEvent(index, `${path} is not JSON (${typeof value})`);
}

export function assertValidEvents(events: readonly NewEvent[]): void {
  if (!Array.isArray(events) || events.length === 0)
    throw new InvalidEvent(0, 'an append needs at least one event');
  const seen = new Set<string>();
  events.forEach((event: NewEvent, index) => {
    if (!isPlainObject(event)) throw new InvalidEvent(index, 'must be an object');
    if (typeof event.id !== 'string' || !UUID.test(event.id))
      throw new InvalidEvent(index, 'id must be a UUID');
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new InvalidEvent(index, `id ${event.id} appears twice in one append`);
    seen.add(id);
    if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type))
      throw new InvalidEvent(index, 'type must start with a letter and hold only letters, digits, _ . -');
    if (!isPlainObject(event.data)) throw new InvalidEvent(index, 'data must be a JSON object');
    assertJson(event.data, index, 'data');
    if (event.metadata !== undefined) {
      if (!isPlainObject(event.metadata)) throw new InvalidEvent(index, 'metadata must be a JSON object');
      assertJson(event.metadata, index, 'metadata');
    }
  });
}

export function assertValidExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  if (typeof expected === 'bigint' && expected >= 0n) return;
  throw new InvalidEvent(
    0,
    `expected revision ${String(expected)} is not any, no_stream, stream_exists or a revision ≥ 0`,
  );
}

/** Everything an adapter checks before it touches storage, in the order the contract reports it. */
export function assertValidAppend(
  streamId: unknown,
  events: readonly NewEvent[],
  expected: unknown,
): asserts streamId is string {
  assertValidStreamName(streamId);
  assertValidEvents(events);
  assertValidExpectedRevision(expected);
}
