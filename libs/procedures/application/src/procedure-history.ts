import { AggregateLoader } from '@redtape/event-sourcing';
import type { EventStore } from '@redtape/event-store';
import {
  initialProcedureState,
  evolveProcedure,
  procedureStream,
  proceduresUpcasters,
  type ProcedureDocument,
  type ProcedureEvent,
  type ProcedureState,
} from '@redtape/procedures-domain';

/**
 * Time travel for auditors: a procedure as it was after a number of its events, or as recorded at an
 * instant, folded from the event store itself (never from a projection).
 */
export class ProcedureHistory {
  private readonly loader: AggregateLoader<ProcedureEvent, ProcedureState>;

  constructor(store: EventStore) {
    this.loader = new AggregateLoader(
      store,
      { initialState: initialProcedureState, evolve: evolveProcedure },
      proceduresUpcasters,
    );
  }

  async asOf(
    procedureId: string,
    point: { revision?: number | undefined; at?: Date | undefined },
  ): Promise<{ procedure: ProcedureDocument; revision: number } | null> {
    const loaded = await this.loader.load(procedureStream(procedureId), {
      ...(point.revision !== undefined ? { upToRevision: point.revision } : {}),
      ...(point.at !== undefined ? { recordedUpTo: point.at } : {}),
    });
    return loaded.state.status === 'registered'
      ? { procedure: loaded.state.procedure, revision: loaded.revision }
      : null;
  }
}
