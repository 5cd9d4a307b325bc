import { describe, expect, it } from '@jest/globals';
import { entityIdFor, eventIdFor, partIdFor } from './event-id.js';

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

  it('gives another id to the same command id from another caller or with another payload', () => {
    const ids = new Set([
      eventIdFor('procedure-1', 'cmd-1', 0, { actorId: 'user-1' }),
      eventIdFor('procedure-1', 'cmd-1', 0, { actorId: 'user-2' }),
      eventIdFor('procedure-1', 'cmd-1', 0, { actorId: 'user-1', commandDigest: 'a' }),
      eventIdFor('procedure-1', 'cmd-1', 0, { actorId: 'user-1', commandDigest: 'b' }),
    ]);
    expect(ids.size).toBe(4);
  });
});

describe('ids of what a command creates', () => {
  const command = { commandId: 'cmd-1', actor: { id: 'user-1' } };

  it('derives the same entity id from the same command of the same caller, so a retried create finds it', () => {
    expect(entityIdFor('procedure', command)).toBe(entityIdFor('procedure', { ...command }));
  });

  it('derives another id for another caller, command or kind', () => {
    const ids = new Set([
      entityIdFor('procedure', command),
      entityIdFor('procedure', { ...command, actor: { id: 'user-2' } }),
      entityIdFor('procedure', { ...command, commandId: 'cmd-2' }),
      entityIdFor('meeting', command),
    ]);
    expect(ids.size).toBe(4);
  });

  it('names the parts a command adds by prefix and place', () => {
    expect(partIdFor('r', command, 0)).toMatch(/^r-[0-9a-f]{8}$/);
    expect(partIdFor('r', command, 0)).toBe(partIdFor('r', command, 0));
    expect(partIdFor('r', command, 1)).not.toBe(partIdFor('r', command, 0));
  });
});
