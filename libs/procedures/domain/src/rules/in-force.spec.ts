import { describe, expect, it } from '@jest/globals';
import type { ProcedureStatus } from '../procedure-events.js';
import { isClosed, isInForce } from './in-force.js';

describe('which procedures are in force', () => {
  it.each<[ProcedureStatus, boolean, boolean]>([
    ['DRAFT', false, false],
    ['ACTIVE', true, false],
    ['UNDER_REVIEW', true, false],
    ['SIMPLIFIED', true, false],
    ['MERGED', false, true],
    ['ABOLISHED', false, true],
  ])('%s: in force %p, closed %p', (status, inForce, closed) => {
    expect(isInForce(status)).toBe(inForce);
    expect(isClosed(status)).toBe(closed);
  });

  it('a draft is neither: it does not bind yet, and may still be deduplicated', () => {
    expect(isInForce('DRAFT') || isClosed('DRAFT')).toBe(false);
  });
});
