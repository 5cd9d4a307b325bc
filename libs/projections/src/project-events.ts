import type { RecordedEvent } from '@redtape/event-store';
import { moveCheckpoint, type ProjectionCheckpoint } from './checkpoints.js';
import { ProjectionApplyFailed, ProjectionBatchFailed, ProjectionCheckpointMoved } from './errors.js';
import { tablesOfGeneration } from './generation-tables.js';
import type { Projection, ReadModelTransaction, ReadModels, TableResolver } from './projection.js';

/** Folds events, in the given order, into a generation's tables; names the event or batch that failed. */
export async function applyInOrder(
  trx: ReadModelTransaction,
  projection: Projection,
  table: TableResolver,
  events: readonly RecordedEvent[],
): Promise<void> {
  const first = events[0];
  const last = events.at(-1);
  if (!first || !last) return;
  try {
    await projection.applyBatch(events, trx, table);
  } catch (error) {
    if (error instanceof ProjectionApplyFailed) throw error;
    throw new ProjectionBatchFailed(projection.name, first.position, last.position, error);
  }
}

function assertAscending(projection: Projection, events: readonly RecordedEvent[]): void {
  events.forEach((event, i) => {
    const previous = events[i - 1];
    if (previous && previous.position >= event.position)
      throw new Error(`projection "${projection.name}": events must come in ascending global position`);
  });
}

/**
 * Folds the events that lie after the checkpoint into the current generation and moves the
 * checkpoint, in one transaction: either both are written or neither. Events at or before the
 * checkpoint are skipped, so a redelivery changes nothing. Throws `ProjectionCheckpointMoved`, having
 * written nothing, when the stored checkpoint is not `checkpoint` any more. Returns the new checkpoint.
 */
export async function projectEvents(
  db: ReadModels,
  projection: Projection,
  checkpoint: ProjectionCheckpoint,
  events: readonly RecordedEvent[],
  at: Date,
): Promise<ProjectionCheckpoint> {
  assertAscending(projection, events);
  const after = checkpoint.position;
  const fresh = events.filter((event) => after === undefined || event.position > after);
  const last = fresh[fresh.length - 1];
  if (!last) return checkpoint;
  const next: ProjectionCheckpoint = { ...checkpoint, position: last.position };
  await db.transaction().execute(async (trx) => {
    if (!(await moveCheckpoint(trx, projection.name, checkpoint, last.position, at)))
      throw new ProjectionCheckpointMoved(projection.name, checkpoint.position);
    await applyInOrder(trx, projection, tablesOfGeneration(projection, checkpoint.generation), fresh);
  });
  return next;
}
