import { describe, expect, it } from '@jest/globals';
import { eventIdFor } from './event-id.js';

describe('event ids derived from commands', () => {
  it('gives the same id for the same stream, command and index, so a retry appends nothing new', () => {
    expect(eventIdFor('procedure-1', 'cmd-1', 0)).toBe(eventIdFor('procedure-1', 'cmd-1', 0));
  });

  it('gives different ids for another index, command or stream', () => {
    const ids = new Set([
      eventIdFor('procedure-1', 'cmd-1', 0),
      eventIdFor('procedure-1', 'cmd-1', 1),
      eventIdFor('procedure-1', 'cmd-2', 0),
      eventIdFor('procedure-2', 'cmd-1', 0),
    ]);
    expect(ids.size).toBe(4);
  });

  it('is a version 5 UUID with the RFC variant', () => {
    expect(eventIdFor('unit-region/talas', 'load-1', 3)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
