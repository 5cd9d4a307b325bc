import {
  requestDigestOf,
  type Actor,
  type CommandMetadata,
  type HandleOptions,
} from '@redtape/event-sourcing';
import { randomUUID } from 'node:crypto';

export interface ChangeRequest {
  readonly commandId?: string | null;
  readonly expectedRevision?: number | null;
  readonly reason?: string | null;
  readonly legalBasis?: string | null;
}

/**
 * The command metadata of a client's change: its id (or a fresh one), who, when, why, on what basis,
 * and the digest of the whole request, so that the same command id sent with another payload is
 * refused rather than taken for a retry.
 */
export function commandMetadataFor(actor: Actor, request: ChangeRequest, now: Date): CommandMetadata {
  return {
    commandId: request.commandId ?? randomUUID(),
    actor,
    now,
    requestDigest: requestDigestOf(request),
    ...(request.reason ? { reason: request.reason } : {}),
    ...(request.legalBasis ? { legalBasis: request.legalBasis } : {}),
  };
}

export function handleOptionsFor(request: ChangeRequest): HandleOptions {
  return request.expectedRevision === null || request.expectedRevision === undefined
    ? {}
    : { expectedRevision: request.expectedRevision };
}
