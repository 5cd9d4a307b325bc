import { describe, expect, it } from '@jest/globals';
import { DuplicateEventId, StreamRevisionConflict, type NewEvent } from '../port/index.js';
import { EMPTY_STREAM, decideAppend, scanStream, type StreamEvent } from './append-check.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const batch = (...ns: number[]): NewEvent[] => ns.map((n) => ({ id: id(n), type: 'Happened', data: { n } }));

/** A stream whose events carry the given ids, at revisions 0, 1, … and positions 100, 200, … */
async function* stream(...ns: number[]): AsyncGenerator<StreamEvent> {
  for (const [revision, n] of ns.entries()) {
    const position = BigInt((revision + 1) * 100);
    yield {
      id: id(n).toUpperCase(),
      revision: BigInt(revision),
      position: { commit: position, prepare: position },
    };
  }
}

describe('scanning a stream before an append', () => {
  it('finds the revision, the known ids and the events from the first id on', async () => {
    const scan = await scanStream(stream(1, 2, 3, 4, 5), batch(2, 3, 9));
    expect(scan.current).toBe(4n);
    expect([...scan.knownIds].sort()).toEqual([id(2), id(3)]);
    expect(scan.storedFromFirstId).toEqual([
      { eventId: id(2), revision: 1n, position: 200n },
      { eventId: id(3), revision: 2n, position: 300n },
      { eventId: id(4), revision: 3n, position: 400n },
    ]);
  });

  it('knows nothing of a stream that does not hold the ids', async () => {
    const scan = await scanStream(stream(1, 2), batch(7));
    expect(scan).toEqual({ current: 1n, knownIds: new Set(), storedFromFirstId: undefined });
  });
});

describe('deciding an append from the scan', () => {
  it('lets an append of new ids go ahead, with whatever expectation', async () => {
    const scan = await scanStream(stream(1, 2), batch(3));
    for (const expected of ['any', 'stream_exists', 'no_stream', 1n, 7n] as const)
      expect(decideAppend('s', batch(3), expected, scan)).toBeUndefined();
    expect(decideAppend('s', batch(3), 'no_stream', EMPTY_STREAM)).toBeUndefined();
  });

  it('returns the earlier result when the same ids sit where the append expects them', async () => {
    const scan = await scanStream(stream(1, 2, 3, 4), batch(2, 3));
    const earlier = { nextExpectedRevision: 2n, position: 300n };
    expect(decideAppend('s', batch(2, 3), 0n, scan)).toEqual(earlier);
    expect(decideAppend('s', batch(2, 3), 'any', scan)).toEqual(earlier);
    expect(decideAppend('s', batch(2, 3), 'stream_exists', scan)).toEqual(earlier);
  });

  it('recognises a retried creation of the stream', async () => {
    const scan = await scanStream(stream(1, 2), batch(1, 2));
    expect(decideAppend('s', batch(1, 2), 'no_stream', scan)).toEqual({
      nextExpectedRevision: 1n,
      position: 200n,
    });
  });

  it('refuses known ids offered at the current revision as duplicates', async () => {
    const scan = await scanStream(stream(1, 2, 3), batch(1, 2));
    expect(() => decideAppend('s', batch(1, 2), 2n, scan)).toThrow(DuplicateEventId);
    expect(() => decideAppend('s', batch(9, 2), 2n, scan)).toThrow(DuplicateEventId);
  });

  it('refuses known ids with a stale expectation as a revision conflict', async () => {
    const scan = await scanStream(stream(1, 2, 3), batch(3));
    let refused: unknown;
    try {
      decideAppend('s', batch(3), 0n, scan);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(StreamRevisionConflict);
    expect(refused).toMatchObject({ expected: 0n, actual: 2n });
  });

  it('refuses a batch that starts like an earlier one but goes on differently', async () => {
    const scan = await scanStream(stream(1, 2, 3), batch(2, 9));
    expect(() => decideAppend('s', batch(2, 9), 0n, scan)).toThrow(DuplicateEventId);
  });
});
