/**
 * Clients see an aggregate's revision as the number of events applied to it (1 after its first
 * event), whatever the store counts internally; these two functions are the only translation.
 */
export function aggregateRevisionOf(storeRevision: bigint | undefined): number {
  return storeRevision === undefined ? 0 : Number(storeRevision + 1n);
}

export function storeRevisionOf(aggregateRevision: number): bigint | 'no_stream' {
  return aggregateRevision === 0 ? 'no_stream' : BigInt(aggregateRevision - 1);
}
