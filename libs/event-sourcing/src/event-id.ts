import { createHash } from 'node:crypto';

// A fixed namespace, so that the same command always yields the same event ids (UUID v5, RFC 9562).
const REDTAPE_EVENT_NAMESPACE = Buffer.from('6f1c1a9e3b7d4e0f9a2c5d8e7b4a1c3f', 'hex');

function uuidV5(name: string): string {
  const hash = createHash('sha1').update(REDTAPE_EVENT_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of the index-th event a command appends to a stream. Derived, not random, so a retried
 * command offers the store the very same ids and the store's idempotency turns it into a no-op.
 */
export function eventIdFor(streamId: string, commandId: string, index: number): string {
  return uuidV5(`${streamId}\u0000${commandId}\u0000${index}`);
}
