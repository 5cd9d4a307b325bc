import type { EachBatchPayload } from 'kafkajs';

/**
 * Commits the offset the batch's partition has been resolved to, if it moved. Through the batch's own
 * `commitOffsetsIfNecessary`, which commits even once a graceful stop has begun (`consumer.commitOffsets`
 * then returns without committing) and passes a rebalance error (ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID,
 * REBALANCE_IN_PROGRESS) on as it is, so kafkajs rejoins the group (`consumer.commitOffsets` wraps it
 * in an error kafkajs does not recover from). The resolved offset rather than the last message's
 * offset + 1: resolving a batch's last message also resolves a transaction marker after it, which a
 * consumer never sees, so no lag of 1 stays behind.
 */
export async function commitResolvedOffset({
  batch: { topic, partition },
  uncommittedOffsets,
  commitOffsetsIfNecessary,
}: Pick<EachBatchPayload, 'batch' | 'uncommittedOffsets' | 'commitOffsetsIfNecessary'>): Promise<void> {
  const resolved = uncommittedOffsets()
    .topics.find((entry) => entry.topic === topic)
    // kafkajs 2.2.4 lists the partitions as strings here (an object's keys), whatever its types say.
    ?.partitions.find((entry) => Number(entry.partition) === partition);
  if (resolved === undefined) return;
  await commitOffsetsIfNecessary({
    topics: [{ topic, partitions: [{ partition, offset: resolved.offset }] }],
  });
}
