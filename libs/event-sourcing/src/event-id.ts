import { createHash } from 'node:crypto';
import type { Actor } from './envelope.js';

// A fixed namespace, so that the same command always yields the same ids (UUID v5, RFC 9562).
const REDTAPE_EVENT_NAMESPACE = Buffer.from('6f1c1a9e3b7d4e0f9a2c5d8e7b4a1c3f', 'hex');

function sha1Name(name: string): Buffer {
  return createHash('sha1').update(REDTAPE_EVENT_NAMESPACE).update(name, 'utf8').digest();
}

function uuidV5(name: string): string {
  const hash = sha1Name(name);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Who sent a command and what it asked for: two callers' command ids never share ids. */
export interface CommandIssuer {
  readonly actorId: string;
  /** The digest of what the command asked, when the caller gave one (see `commandDigestOf`). */
  readonly commandDigest?: string;
}

/**
 * The id of the index-th event a command appends to a stream. Derived, not random, so a retried
 * command offers the store the very same ids and the store's idempotency turns it into a no-op.
 * The issuer (who, and what was asked) is part of the name: another caller's command with the same
 * id, or the same id sent with another payload, offers other ids and cannot pass for a repeat.
 */
export function eventIdFor(
  streamId: string,
  commandId: string,
  index: number,
  issuer?: CommandIssuer,
): string {
  const scope = issuer ? `\u0000${issuer.actorId}\u0000${issuer.commandDigest ?? ''}` : '';
  return uuidV5(`${streamId}\u0000${commandId}\u0000${index}${scope}`);
}

/** What a new entity's id is derived from: the command that creates it and who sent it. */
export interface CreatingCommand {
  readonly commandId: string;
  readonly actor: Pick<Actor, 'id'>;
}

/**
 * The id of an entity a command creates when the client named none: the same command from the same
 * caller always creates the same entity, so a retried create finds it instead of making another.
 * `kind` keeps apart the entities of different kinds one command id may create.
 */
export function entityIdFor(kind: string, command: CreatingCommand): string {
  return uuidV5(`new\u0000${kind}\u0000${command.actor.id}\u0000${command.commandId}`);
}

/** A short id for the index-th part (a requirement, a step) a command adds without naming it. */
export function partIdFor(prefix: string, command: CreatingCommand, index: number): string {
  const hash = sha1Name(
    `part\u0000${prefix}\u0000${command.actor.id}\u0000${command.commandId}\u0000${index}`,
  );
  return `${prefix}-${hash.subarray(0, 4).toString('hex')}`;
}
