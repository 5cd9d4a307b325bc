import { describe, expect, it } from '@jest/globals';
import { setTimeout as delay } from 'node:timers/promises';
import { EventBuffer } from './event-buffer.js';

async function* source(...groups: number[][]): AsyncGenerator<number> {
  for (const group of groups) {
    await delay(5);
    yield* group;
  }
}

describe('EventBuffer', () => {
  it('hands out what has gathered, up to the batch size, and ends with the source', async () => {
    const buffer = new EventBuffer<number>(100);
    const filling = buffer.fill(source([1, 2, 3, 4, 5]));
    await delay(30);
    expect(await buffer.take(3)).toEqual([1, 2, 3]);
    expect(await buffer.take(3)).toEqual([4, 5]);
    expect(await buffer.take(3)).toBeUndefined();
    await filling;
  });

  it('waits for the first item when empty', async () => {
    const buffer = new EventBuffer<number>(100);
    void buffer.fill(source([1], [2]));
    expect(await buffer.take(10)).toEqual([1]);
    expect(await buffer.take(10)).toEqual([2]);
  });

  it('makes the filler wait while full', async () => {
    let pulled = 0;
    async function* counting(): AsyncGenerator<number> {
      for (let i = 0; i < 10; i++) {
        pulled++;
        yield i;
      }
    }
    const buffer = new EventBuffer<number>(3);
    void buffer.fill(counting());
    await delay(10);
    expect(pulled).toBeLessThanOrEqual(4);
    expect(await buffer.take(2)).toEqual([0, 1]);
    await delay(10);
    expect(await buffer.take(10)).toEqual([2, 3, 4]);
  });

  it('hands out what came before a failure of the source, then the failure', async () => {
    async function* failing(): AsyncGenerator<number> {
      yield 1;
      throw new Error('store closed');
    }
    const buffer = new EventBuffer<number>(10);
    await buffer.fill(failing());
    expect(await buffer.take(10)).toEqual([1]);
    await expect(buffer.take(10)).rejects.toThrow('store closed');
  });

  it('ends a waiting take when closed', async () => {
    const buffer = new EventBuffer<number>(10);
    const waiting = buffer.take(10);
    buffer.close();
    expect(await waiting).toBeUndefined();
  });
});
