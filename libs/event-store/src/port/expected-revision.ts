import type { ExpectedRevision, StreamRevision } from './event-store.js';
import { StreamRevisionConflict } from './errors.js';

/** Throws `StreamRevisionConflict` unless the stream's current revision satisfies the expectation. */
export function assertExpectedRevision(
  streamId: string,
  expected: ExpectedRevision,
  current: StreamRevision | undefined,
): void {
  const actual = current ?? 'no_stream';
  const satisfied =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    (typeof expected === 'bigint' && current === expected);
  if (!satisfied) throw new StreamRevisionConflict(streamId, expected, actual);
}

/** The revision the first event of an append lands on, if the expectation names one. */
export function firstRevisionImpliedBy(expected: ExpectedRevision): StreamRevision | undefined {
  if (expected === 'no_stream') return 0n;
  if (typeof expected === 'bigint') return expected + 1n;
  return undefined;
}
