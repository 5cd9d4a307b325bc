import { describe, expect, it } from '@jest/globals';
import { setTimeout as delay } from 'node:timers/promises';
import { readyBatches } from './ready-batches.js';

async function* source(...groups: number[][]): AsyncGenerator<number> {
  for (const group of groups) {
    await delay(5);
    yield* group;
  }
}

async function batchesOf(items: AsyncIterable<number>, maxSize: number): Promise<number[][]> {
  const batches: number[][] = [];
  for await (const batch of readyBatches(items, maxSize)) batches.push(batch);
  return batches;
}

describe('readyBatches', () => {
  it('puts the items that are ready together into one batch, up to the maximum size', async () => {
    expect(await batchesOf(source([1, 2, 3, 4, 5]), 3)).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('does not wait for items that are not ready yet', async () => {
    expect(await batchesOf(source([1, 2], [3], [4, 5]), 10)).toEqual([[1, 2], [3], [4, 5]]);
  });

  it('passes on a failure of the source', async () => {
    async function* failing(): AsyncGenerator<number> {
      yield 1;
      await delay(5);
      throw new Error('store closed');
    }
    await expect(batchesOf(failing(), 10)).rejects.toThrow('store closed');
  });
});
