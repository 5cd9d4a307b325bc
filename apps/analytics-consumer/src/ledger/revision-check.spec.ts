import { describe, expect, it } from '@jest/globals';
import { checkRevision } from './revision-check.js';

describe('checking a revision against the last one counted for its stream', () => {
  it('expects revision 0 from a stream not seen yet', () => {
    expect(checkRevision(undefined, 0)).toEqual({ kind: 'in-order' });
    expect(checkRevision(undefined, 2)).toEqual({ kind: 'gap', expected: 0, got: 2 });
  });

  it('expects the last revision plus one', () => expect(checkRevision(4, 5)).toEqual({ kind: 'in-order' }));

  it('reports a jump ahead as a gap from the expected revision', () =>
    expect(checkRevision(4, 7)).toEqual({ kind: 'gap', expected: 5, got: 7 }));

  it('reports the same or an earlier revision as behind', () => {
    expect(checkRevision(4, 4)).toEqual({ kind: 'behind', expected: 5, got: 4 });
    expect(checkRevision(4, 1)).toEqual({ kind: 'behind', expected: 5, got: 1 });
  });
});
