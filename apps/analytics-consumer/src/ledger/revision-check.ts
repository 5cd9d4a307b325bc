/**
 * Where an event's revision stands against the last one counted for its stream. Revisions of a
 * stream are 0, 1, 2… with none left out (the relay publishes every event of a context's streams),
 * so the next one expected is always the last plus one, or 0 for a stream not seen yet.
 */
export type RevisionCheck =
  | { readonly kind: 'in-order' }
  /** Ahead: revisions `expected`…`got - 1` were never counted. The event is counted. */
  | { readonly kind: 'gap'; readonly expected: number; readonly got: number }
  /**
   * Not above the last counted revision, yet a new ce_id: a different event at a revision already
   * taken (the store was rebuilt, or two environments publish to one topic), or a late message.
   * As the AsyncAPI contract advises, it is not counted.
   */
  | { readonly kind: 'behind'; readonly expected: number; readonly got: number };

export function checkRevision(lastCounted: number | undefined, got: number): RevisionCheck {
  const expected = lastCounted === undefined ? 0 : lastCounted + 1;
  if (got === expected) return { kind: 'in-order' };
  return got > expected ? { kind: 'gap', expected, got } : { kind: 'behind', expected, got };
}
