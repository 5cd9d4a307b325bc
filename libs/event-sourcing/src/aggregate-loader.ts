import { StreamNotFound, type EventStore } from '@redtape/event-store';
import type { Decider } from './decider.js';
import type { DomainEvent, EventEnvelope } from './envelope.js';
import { toEnvelope } from './event-codec.js';
import { aggregateRevisionOf } from './revision.js';
import type { UpcasterRegistry } from './upcasting.js';

export interface LoadedAggregate<E extends DomainEvent, S> {
  readonly streamId: string;
  readonly state: S;
  /** Events applied so far, as clients count them (0 for an aggregate that does not exist yet). */
  readonly revision: number;
  readonly storeRevision: bigint | undefined;
  /** Every event folded into the state, upcast; oldest first. */
  readonly events: readonly EventEnvelope<E>[];
}

export interface LoadOptions {
  /** Time travel: fold only the first `upToRevision` events. */
  readonly upToRevision?: number;
  /** Time travel: fold only the events recorded at or before this instant. */
  readonly recordedUpTo?: Date;
}

/** Rebuilds an aggregate's state by folding its stream, upcasting old event versions on the way. */
export class AggregateLoader<E extends DomainEvent, S> {
  constructor(
    private readonly store: EventStore,
    private readonly decider: Pick<Decider<never, E, S>, 'initialState' | 'evolve'>,
    private readonly registry: UpcasterRegistry,
  ) {}

  async load(streamId: string, options: LoadOptions = {}): Promise<LoadedAggregate<E, S>> {
    let state = this.decider.initialState();
    let storeRevision: bigint | undefined;
    const events: EventEnvelope<E>[] = [];
    try {
      for await (const recorded of this.store.readStream(streamId)) {
        if (options.upToRevision !== undefined && events.length >= options.upToRevision) break;
        if (options.recordedUpTo !== undefined && recorded.recordedAt > options.recordedUpTo) break;
        const envelope = toEnvelope<E>(recorded, this.registry);
        state = this.decider.evolve(state, { type: envelope.type, data: envelope.data } as E);
        storeRevision = recorded.revision;
        events.push(envelope);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
    }
    return { streamId, state, revision: aggregateRevisionOf(storeRevision), storeRevision, events };
  }
}
