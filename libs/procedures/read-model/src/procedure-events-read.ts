import { toEnvelope, type EventMetadata } from '@redtape/event-sourcing';
import type { RecordedEvent } from '@redtape/event-store';
import {
  evolveProcedure,
  initialProcedureState,
  PROCEDURE_EVENT_TYPES,
  procedureIdOfStream,
  proceduresUpcasters,
  type ProcedureDocument,
  type ProcedureEvent,
} from '@redtape/procedures-domain';

const KNOWN_TYPES = new Set<string>(PROCEDURE_EVENT_TYPES);

/** A stored procedure event as the read side folds it. */
export interface ProcedureEventRead {
  readonly procedureId: string;
  /** Events applied to the procedure once this one is: 1 for its registration. */
  readonly revision: number;
  /** Undefined for a type this code does not know: it still counts as a revision, and changes nothing. */
  readonly event: ProcedureEvent | undefined;
  readonly metadata: EventMetadata;
  /** When it happened, as an ISO 8601 instant in UTC. */
  readonly occurredAt: string;
}

/**
 * An instant in the one form `toISOString` writes, so that instants compare as text. Only the
 * event's own time is used: a projection never reads the clock, or a rebuild would differ.
 */
export function isoInstant(value: string): string {
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
}

export function readProcedureEvent(recorded: RecordedEvent): ProcedureEventRead {
  const known = KNOWN_TYPES.has(recorded.type);
  const envelope = known ? toEnvelope<ProcedureEvent>(recorded, proceduresUpcasters) : undefined;
  const metadata = envelope?.metadata ?? (recorded.metadata as unknown as EventMetadata);
  return {
    procedureId: procedureIdOfStream(recorded.streamId),
    revision: Number(recorded.revision) + 1,
    event: envelope ? ({ type: envelope.type, data: envelope.data } as ProcedureEvent) : undefined,
    metadata,
    occurredAt: isoInstant(
      typeof metadata.occurredAt === 'string' ? metadata.occurredAt : recorded.recordedAt.toISOString(),
    ),
  };
}

/** The document after the event, folded exactly as the decider folds it; null while unregistered. */
export function foldProcedure(
  before: ProcedureDocument | null,
  event: ProcedureEvent | undefined,
): ProcedureDocument | null {
  if (event === undefined) return before;
  const state = evolveProcedure(
    before === null ? initialProcedureState() : { status: 'registered', procedure: before },
    event,
  );
  return state.status === 'registered' ? state.procedure : null;
}

export function parseDocument(json: string): ProcedureDocument {
  return JSON.parse(json) as ProcedureDocument;
}
