import { describe, expect, it } from '@jest/globals';
import type { Batch, Offsets, OffsetsByTopicPartition } from 'kafkajs';
import { commitResolvedOffset } from './commit-resolved-offset.js';

/** A batch of partition 1 of topic `t`, with what kafkajs has resolved and not committed yet. */
function batchPayload(uncommitted: OffsetsByTopicPartition, commit: (offsets?: Offsets) => Promise<void>) {
  return {
    batch: { topic: 't', partition: 1 } as Batch,
    uncommittedOffsets: () => uncommitted,
    commitOffsetsIfNecessary: commit,
  };
}

/** A resolved offset as kafkajs 2.2.4 really lists it: the partition a string, though its types say number. */
const resolved = (partition: number, offset: string) => ({
  partition: String(partition) as unknown as number,
  offset,
});

describe('committing the offset a batch was resolved to', () => {
  it('commits its partition’s resolved offset, a transaction marker past the messages included', async () => {
    const commits: (Offsets | undefined)[] = [];
    // Messages up to 9 were counted; kafkajs resolved 10 too, the marker that closed their transaction.
    const uncommitted = {
      topics: [
        {
          topic: 't',
          partitions: [resolved(0, '4'), resolved(1, '11')],
        },
        { topic: 'u', partitions: [resolved(1, '7')] },
      ],
    };
    await commitResolvedOffset(batchPayload(uncommitted, async (offsets) => void commits.push(offsets)));
    expect(commits).toEqual([{ topics: [{ topic: 't', partitions: [{ partition: 1, offset: '11' }] }] }]);
  });

  it('commits nothing when the partition has nothing new', async () => {
    const commits: (Offsets | undefined)[] = [];
    const uncommitted = { topics: [{ topic: 't', partitions: [resolved(0, '4')] }] };
    await commitResolvedOffset(batchPayload(uncommitted, async (offsets) => void commits.push(offsets)));
    expect(commits).toEqual([]);
  });

  it('passes a rebalance error on as it is, so kafkajs rejoins the group', async () => {
    const rebalance = Object.assign(new Error('The group is rebalancing'), {
      name: 'KafkaJSProtocolError',
      type: 'REBALANCE_IN_PROGRESS',
    });
    const uncommitted = { topics: [{ topic: 't', partitions: [resolved(1, '3')] }] };
    await expect(
      commitResolvedOffset(batchPayload(uncommitted, () => Promise.reject(rebalance))),
    ).rejects.toBe(rebalance);
  });
});
