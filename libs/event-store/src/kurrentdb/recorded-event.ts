import {
  jsonEvent,
  type EventData,
  type RecordedEvent as ClientRecordedEvent,
} from '@kurrent/kurrentdb-client';
import type { JsonObject, NewEvent, RecordedEvent } from '../port/index.js';
import { requirePosition, toGlobalPosition } from './position.js';

/** Ids are stored lower-case, as every adapter compares them. Metadata is always an object. */
export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.id.toLowerCase(),
    type: event.type,
    data: event.data,
    metadata: event.metadata ?? {},
  });
}

function isJsonObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

/**
 * The port's view of an event the client read. Events this adapter did not write (binary data, data
 * that is not a JSON object) are refused rather than passed on half-understood.
 */
export function toRecordedEvent(event: ClientRecordedEvent): RecordedEvent {
  if (!event.isJson || !isJsonObject(event.data))
    throw new Error(
      `event ${event.id} in ${event.streamId} does not hold a JSON object; not written by redtape`,
    );
  const metadata = event.metadata === undefined ? {} : event.metadata;
  if (!isJsonObject(metadata))
    throw new Error(`event ${event.id} in ${event.streamId} has metadata that is not a JSON object`);
  return {
    id: event.id.toLowerCase(),
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position: toGlobalPosition(requirePosition(event)),
    data: event.data,
    metadata,
    recordedAt: event.created,
  };
}
