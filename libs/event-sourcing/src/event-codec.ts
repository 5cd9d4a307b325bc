import type { JsonObject, NewEvent, RecordedEvent } from '@redtape/event-store';
import type { CommandMetadata } from './command.js';
import type { DomainEvent, EventEnvelope, EventMetadata } from './envelope.js';
import { commandDigestOf } from './command-digest.js';
import { eventIdFor } from './event-id.js';
import type { UpcasterRegistry } from './upcasting.js';

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The digest stored with the events of a command whose caller said what it asked; else undefined. */
export function commandDigestFor(commandType: string, command: CommandMetadata): string | undefined {
  return command.requestDigest === undefined
    ? undefined
    : commandDigestOf(commandType, command.requestDigest);
}

export function eventMetadataFor(
  command: CommandMetadata,
  schemaVersion: number,
  commandDigest?: string,
): EventMetadata {
  return withoutUndefined({
    schemaVersion,
    actor: withoutUndefined({ ...command.actor }),
    commandId: command.commandId,
    correlationId: command.correlationId ?? command.commandId,
    causationId: command.causationId ?? command.commandId,
    occurredAt: command.now.toISOString(),
    reason: command.reason,
    legalBasis: command.legalBasis,
    commandDigest,
  });
}

/** The store's form of the events one command decided, with ids derived from the command. */
export function toNewEvents(
  streamId: string,
  events: readonly DomainEvent[],
  command: CommandMetadata,
  registry: UpcasterRegistry,
  commandDigest?: string,
): NewEvent[] {
  const issuer = { actorId: command.actor.id, ...(commandDigest ? { commandDigest } : {}) };
  return events.map((event, index) => ({
    id: eventIdFor(streamId, command.commandId, index, issuer),
    type: event.type,
    data: event.data,
    metadata: eventMetadataFor(
      command,
      registry.currentVersion(event.type),
      commandDigest,
    ) as unknown as JsonObject,
  }));
}

/** The application's form of a stored event, upcast to the current schema version of its type. */
export function toEnvelope<E extends DomainEvent>(
  recorded: RecordedEvent,
  registry: UpcasterRegistry,
): EventEnvelope<E> {
  const stored = recorded.metadata as unknown as EventMetadata;
  const storedVersion = typeof stored.schemaVersion === 'number' ? stored.schemaVersion : 1;
  const metadata = { ...stored, schemaVersion: registry.currentVersion(recorded.type) };
  return {
    id: recorded.id,
    type: recorded.type,
    schemaVersion: metadata.schemaVersion,
    streamId: recorded.streamId,
    revision: recorded.revision,
    position: recorded.position,
    data: registry.upcast(recorded.type, storedVersion, recorded.data, stored) as E['data'],
    metadata,
    recordedAt: recorded.recordedAt,
  };
}
