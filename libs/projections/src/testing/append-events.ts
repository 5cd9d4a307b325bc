import type { EventStore, GlobalPosition } from '@redtape/event-store';
import { randomUUID } from 'node:crypto';

export interface Appended {
  readonly ids: string[];
  /** Global position of the last event appended. */
  readonly position: GlobalPosition;
}

/** Appends one event of each given type to the stream, in one append. */
export async function appendEvents(
  store: EventStore,
  streamId: string,
  ...types: string[]
): Promise<Appended> {
  const events = types.map((type) => ({ id: randomUUID(), type, data: {} }));
  const { position } = await store.appendToStream(streamId, events, 'any');
  return { ids: events.map((event) => event.id), position };
}
