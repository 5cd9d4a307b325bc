import type { JsonObject } from '@redtape/event-store';
import type { EventMetadata } from './envelope.js';

/** Turns the data of one stored schema version of an event type into the next version's shape. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: JsonObject, metadata: EventMetadata): JsonObject;
}

/**
 * Knows the current schema version of each event type and how to bring an old stored shape up to it.
 * Stored events are never rewritten: old versions are upcast every time they are read.
 */
export class UpcasterRegistry {
  private readonly chains = new Map<string, Upcaster[]>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) this.register(upcaster);
  }

  register(upcaster: Upcaster): void {
    const chain = this.chains.get(upcaster.type) ?? [];
    const expectedFrom = chain.length + 1;
    if (upcaster.fromVersion !== expectedFrom)
      throw new Error(
        `upcaster for ${upcaster.type} from v${upcaster.fromVersion}: register v${expectedFrom} first, in order`,
      );
    chain.push(upcaster);
    this.chains.set(upcaster.type, chain);
  }

  /** The version new events of this type are written with. */
  currentVersion(type: string): number {
    return (this.chains.get(type)?.length ?? 0) + 1;
  }

  upcast(type: string, storedVersion: number, data: JsonObject, metadata: EventMetadata): JsonObject {
    const current = this.currentVersion(type);
    if (!Number.isInteger(storedVersion) || storedVersion < 1 || storedVersion > current)
      throw new Error(`${type} v${storedVersion} is not a version this code knows (current v${current})`);
    let upcast = data;
    for (const upcaster of (this.chains.get(type) ?? []).slice(storedVersion - 1))
      upcast = upcaster.upcast(upcast, metadata);
    return upcast;
  }
}
