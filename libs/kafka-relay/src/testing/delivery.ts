import { collect, type EventFilter, type EventStore, type RecordedEvent } from '@redtape/event-store';
import type { ReadMessage } from './topic-reader.js';

export interface DeliveryReport {
  /** Stored events of the context that no message carried. */
  readonly missing: RecordedEvent[];
  /** Messages whose event id an earlier message of the same key already carried. */
  readonly duplicates: ReadMessage[];
  /** Per key, where the first deliveries were not the stream's revisions 0, 1, 2… in order. */
  readonly outOfOrder: string[];
  /** Keys whose messages went to more than one partition. */
  readonly splitKeys: string[];
  /** Messages carrying an event the store does not have. */
  readonly unknown: ReadMessage[];
}

export function storedEvents(store: EventStore, filter: EventFilter): Promise<RecordedEvent[]> {
  return collect(store.readAll({ filter }));
}

/**
 * Checks what a topic delivered against the store: every event once at least, per key (stream) in
 * revision order when repeats are skipped, each key in one partition.
 */
export function checkDelivery(
  messages: readonly ReadMessage[],
  stored: readonly RecordedEvent[],
): DeliveryReport {
  const byId = new Map(stored.map((event) => [event.id, event]));
  const seen = new Set<string>();
  const duplicates: ReadMessage[] = [];
  const unknown: ReadMessage[] = [];
  const firstRevisions = new Map<string, bigint[]>();
  const partitions = new Map<string, Set<number>>();
  // Kafka orders within a partition only; a key lives in one, so its messages keep their order here.
  const ordered = [...messages].sort((a, b) =>
    a.partition !== b.partition ? a.partition - b.partition : a.offset < b.offset ? -1 : 1,
  );
  for (const message of ordered) {
    const { id, key, streamRevision } = message.event;
    partitions.set(key, (partitions.get(key) ?? new Set()).add(message.partition));
    if (!byId.has(id)) {
      unknown.push(message);
      continue;
    }
    if (seen.has(id)) {
      duplicates.push(message);
      continue;
    }
    seen.add(id);
    const revisions = firstRevisions.get(key) ?? [];
    revisions.push(streamRevision);
    firstRevisions.set(key, revisions);
  }
  const outOfOrder: string[] = [];
  for (const [key, revisions] of firstRevisions) {
    const wrong = revisions.findIndex((revision, i) => revision !== BigInt(i));
    if (wrong >= 0) outOfOrder.push(`${key}: revision ${revisions[wrong]} arrived as number ${wrong}`);
  }
  return {
    missing: stored.filter((event) => !seen.has(event.id)),
    duplicates,
    outOfOrder,
    splitKeys: [...partitions].filter(([, set]) => set.size > 1).map(([key]) => key),
    unknown,
  };
}
