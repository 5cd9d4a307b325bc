import { collect, type EventStore, type GlobalPosition } from '@redtape/event-store';
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  claimRebuild,
  readRebuildClaim,
  rebuildStillClaimed,
  writeCheckpoint,
  type ProjectionCheckpoint,
} from './checkpoints.js';
import { ProjectionRebuildSuperseded, ProjectionStopped } from './errors.js';
import {
  createGenerationTables,
  dropGenerationTables,
  pointViewsAt,
  tablesOfGeneration,
} from './generation-tables.js';
import { applyInOrder } from './project-events.js';
import type { Projection, ReadModelTransaction, ReadModels } from './projection.js';

export interface RebuildContext {
  readonly db: ReadModels;
  readonly store: EventStore;
  readonly projection: Projection;
  /** Events per replay transaction. */
  readonly batchSize: number;
  readonly clock: () => Date;
  /** Checked between batches: a service that is asked to stop does not finish a long rebuild first. */
  readonly stopRequested?: () => boolean;
  /** Told the position replayed after each batch. */
  readonly onProgress?: (position: GlobalPosition) => void;
}

/**
 * Runs `switchOver` while the live runner applies nothing, and makes the runner continue from the
 * checkpoint it returns.
 */
export type PauseLive = (switchOver: () => Promise<ProjectionCheckpoint>) => Promise<ProjectionCheckpoint>;

/**
 * Builds the next generation of the read model from position 0 while readers keep querying the
 * current one, then switches them over in one transaction: the last events, the views, the
 * checkpoint and the dropping of the old generation commit together. Returns the new checkpoint.
 * A rebuild that fails leaves the current generation serving; one that was stopped (a restart) is
 * resumed by the next from its last batch, and any other half-built tables are dropped by it.
 */
export async function rebuildProjection(
  context: RebuildContext,
  current: ProjectionCheckpoint | undefined,
  pauseLive: PauseLive,
): Promise<ProjectionCheckpoint> {
  const { db, store, projection, batchSize, clock } = context;
  const generation = (current?.generation ?? 0) + 1;
  const table = tablesOfGeneration(projection, generation);
  // Replicas that both rebuild (one lost its lock mid-way) would build the same generation's tables:
  // the later claim wins, and every transaction of the earlier one finds it gone and writes nothing.
  const token = randomUUID();
  const claimed = async (trx: ReadModelTransaction, replayedTo?: GlobalPosition) => {
    if (!(await rebuildStillClaimed(trx, projection.name, token, replayedTo)))
      throw new ProjectionRebuildSuperseded(projection.name);
  };
  // A rebuild of this very generation and version that stopped half-way (a restart) goes on from
  // where its last batch committed; anything else starts afresh on new tables.
  let replayed = await resumablePosition(db, projection, generation);
  await db.transaction().execute(async (trx) => {
    await claimRebuild(
      trx,
      projection.name,
      token,
      { generation, version: projection.version, position: replayed },
      clock(),
    );
    if (replayed === undefined) await createGenerationTables(trx, projection, generation);
  });
  if (replayed !== undefined) context.onProgress?.(replayed);

  // Replay up to the head as it was when the rebuild began, in batches, so that the live runner's
  // transactions can interleave; whatever is appended meanwhile is caught up during the switch.
  const head = await store.headPosition();
  while (head !== undefined && (replayed === undefined || replayed < head)) {
    const page = await collect(
      store.readAll({ after: replayed, filter: projection.filter, maxCount: batchSize }),
    );
    const last = page.at(-1);
    if (!last) break;
    await db.transaction().execute(async (trx) => {
      await claimed(trx, last.position);
      await applyInOrder(trx, projection, table, page);
    });
    replayed = last.position;
    context.onProgress?.(replayed);
    if (page.length < batchSize) break;
    // A rebuild of a long log must not starve the service's other work (health, requests, SIGTERM).
    await yieldToEventLoop();
    if (context.stopRequested?.()) throw new ProjectionStopped(projection.name, head);
  }

  return pauseLive(async () => {
    const rest = await collect(store.readAll({ after: replayed, filter: projection.filter }));
    const next: ProjectionCheckpoint = {
      position: rest.at(-1)?.position ?? replayed,
      version: projection.version,
      generation,
    };
    await db.transaction().execute(async (trx) => {
      await claimed(trx);
      await applyInOrder(trx, projection, table, rest);
      await pointViewsAt(trx, projection, generation);
      await writeCheckpoint(trx, projection.name, next, clock());
      if (current) await dropGenerationTables(trx, projection, current.generation);
    });
    return next;
  });
}

/** Where an interrupted rebuild of this generation and version stopped, if its tables are still there. */
async function resumablePosition(
  db: RebuildContext['db'],
  projection: Projection,
  generation: number,
): Promise<GlobalPosition | undefined> {
  const claim = await readRebuildClaim(db, projection.name);
  if (!claim || claim.generation !== generation || claim.version !== projection.version) return undefined;
  if (claim.position === undefined) return undefined;
  const existing = new Set((await db.introspection.getTables()).map((table) => table.name));
  const physical = tablesOfGeneration(projection, generation);
  return projection.tables.every((logical) => existing.has(physical(logical))) ? claim.position : undefined;
}
