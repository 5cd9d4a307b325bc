import type { JsonObject } from '@redtape/event-store';
import type { Actor } from './envelope.js';
import { optionalText } from './text-rules.js';

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
  /**
   * The digest of what the client asked (`requestDigestOf`): a command id sent again with another
   * payload is then refused instead of being answered as if it were the first.
   */
  readonly requestDigest?: string;
}

export interface Command<Type extends string = string, Data extends JsonObject = JsonObject> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}

/** Why a change was made: a paragraph or two, kept in the history. */
export const MAX_REASON_LENGTH = 2000;
/** The legal act a change rests on, with its article: a citation, not the act's text. */
export const MAX_LEGAL_BASIS_LENGTH = 1000;

/** The metadata with its reason and legal basis trimmed and checked by the text rules; blank ones dropped. */
export function checkedCommandMetadata(metadata: CommandMetadata): CommandMetadata {
  const { reason, legalBasis, ...rest } = metadata;
  const checkedReason = optionalText('reason', reason, MAX_REASON_LENGTH, 'prose');
  const checkedLegalBasis = optionalText('legalBasis', legalBasis, MAX_LEGAL_BASIS_LENGTH, 'prose');
  return {
    ...rest,
    ...(checkedReason !== null ? { reason: checkedReason } : {}),
    ...(checkedLegalBasis !== null ? { legalBasis: checkedLegalBasis } : {}),
  };
}

/** The member of a command union with the given type. */
export type CommandOfType<C extends Command, T extends C['type']> = Extract<C, { readonly type: T }>;

/**
 * Builds a command of one union member (`commandOf<CommandOfType<C, T>>(type, data, metadata)`) with
 * its data checked by the caller's types. TypeScript cannot narrow a union from a generic
 * discriminant, so the one assertion that a `{ type, data }` pair of that member's types is that
 * member lives here, once.
 */
export function commandOf<M extends Command>(type: M['type'], data: M['data'], metadata: CommandMetadata): M {
  return { type, data, metadata } as Command as M;
}
