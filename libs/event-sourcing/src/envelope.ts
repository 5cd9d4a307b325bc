import type { GlobalPosition, JsonObject } from '@redtape/event-store';

export type ActorRole = 'system' | 'official' | 'cabinet' | 'auditor' | 'admin';

/** Who caused a change: the verified subject of a token, or `system` for loads and watchers. */
export interface Actor {
  readonly id: string;
  readonly role: ActorRole;
  readonly name?: string;
  /** For officials: the administrative unit they act for. */
  readonly unitId?: string;
}

/** A fact the domain decided, before it is stored: past-tense type and JSON data. */
export interface DomainEvent<Type extends string = string, Data extends JsonObject = JsonObject> {
  readonly type: Type;
  readonly data: Data;
}

export interface EventMetadata {
  readonly schemaVersion: number;
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** When the change happened in the world (ISO 8601), as the command said; the store adds recordedAt. */
  readonly occurredAt: string;
  readonly reason?: string;
  readonly legalBasis?: string;
  /** The digest of the command's type and request, when its caller gave one (`commandDigestOf`). */
  readonly commandDigest?: string;
}

/** A stored domain event as the application sees it: upcast to the current schema version. */
export interface EventEnvelope<Event extends DomainEvent = DomainEvent> {
  readonly id: string;
  readonly type: Event['type'];
  readonly schemaVersion: number;
  readonly streamId: string;
  /** The store's zero-based revision of this event within its stream. */
  readonly revision: bigint;
  readonly position: GlobalPosition;
  readonly data: Event['data'];
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}
