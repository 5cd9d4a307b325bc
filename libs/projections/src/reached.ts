import { collect, type EventStore, type GlobalPosition } from '@redtape/event-store';
import type { Projection } from './projection.js';

/**
 * Whether a read model whose checkpoint is `checkpoint` reflects every event up to `position`.
 * Events the filter leaves out never move the checkpoint, so it also has when no event the
 * projection takes lies between its checkpoint and that position.
 */
export async function readModelReflects(
  store: EventStore,
  projection: Projection,
  checkpoint: GlobalPosition | undefined,
  position: GlobalPosition,
): Promise<boolean> {
  if (checkpoint !== undefined && checkpoint >= position) return true;
  const [next] = await collect(store.readAll({ after: checkpoint, filter: projection.filter, maxCount: 1 }));
  if (next && next.position <= position) return false;
  const head = await store.headPosition();
  return head !== undefined && head >= position;
}
