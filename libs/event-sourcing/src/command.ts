import type { JsonObject } from '@redtape/event-store';
import type { Actor } from './envelope.js';

export interface CommandMetadata {
  /** Chosen by the client for safe retries; the same id never changes the history twice. */
  readonly commandId: string;
  readonly actor: Actor;
  /** The clock reading for this command: the domain never asks the system clock itself. */
  readonly now: Date;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly reason?: string;
  readonly legalBasis?: string;
}

export interface Command<Type extends string = string, Data extends JsonObject = JsonObject> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}
