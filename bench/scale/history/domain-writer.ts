import {
  checkedCommandMetadata,
  commandDigestFor,
  fold,
  toNewEvents,
  UpcasterRegistry,
  type Command,
  type Decider,
  type DomainEvent,
} from '@redtape/event-sourcing';
import type { EventStore, StreamRevision } from '@redtape/event-store';

interface Loaded<S> {
  state: S;
  storeRevision: StreamRevision | undefined;
}

/**
 * What `CommandHandler.handle` does, minus the reload: decide on the state this writer folded itself,
 * turn the decided events into the store's form with the kernel's own `toNewEvents` (ids derived from
 * the command, metadata, command digest) and append them with the exact expected revision. The events
 * are the ones the services would store for the same commands; only reading each stream back before
 * each command is saved, which is what makes a million events take minutes rather than hours.
 */
export class DomainWriter {
  private readonly registry = new UpcasterRegistry();
  private readonly aggregates = new Map<string, Loaded<unknown>>();
  appendedEvents = 0;
  appends = 0;

  constructor(private readonly store: EventStore) {}

  /** The folded state of a stream this writer wrote, or the decider's initial state. */
  stateOf<S>(decider: Decider<never, DomainEvent, S>, streamId: string): S {
    const loaded = this.aggregates.get(streamId) as Loaded<S> | undefined;
    return loaded ? loaded.state : decider.initialState();
  }

  /** Runs one command; returns the events it appended (none when it changed nothing). */
  async handle<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    sent: C,
  ): Promise<readonly E[]> {
    const command = { ...sent, metadata: checkedCommandMetadata(sent.metadata) };
    const loaded = (this.aggregates.get(streamId) as Loaded<S> | undefined) ?? {
      state: decider.initialState(),
      storeRevision: undefined,
    };
    const decided = decider.decide(command, loaded.state);
    if (decided.length === 0) return decided;
    const digest = commandDigestFor(command.type, command.metadata);
    const events = toNewEvents(streamId, decided, command.metadata, this.registry, digest);
    const result = await this.store.appendToStream(streamId, events, loaded.storeRevision ?? 'no_stream');
    this.aggregates.set(streamId, {
      state: fold(decider, loaded.state, decided),
      storeRevision: result.nextExpectedRevision,
    });
    this.appendedEvents += decided.length;
    this.appends += 1;
    return decided;
  }

  /**
   * Several commands to one stream decided in turn and appended together, in one transaction, as a
   * batch import would: the same events as one append per command, fewer commits.
   */
  async handleBatch<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamId: string,
    commands: readonly C[],
  ): Promise<number> {
    const loaded = (this.aggregates.get(streamId) as Loaded<S> | undefined) ?? {
      state: decider.initialState(),
      storeRevision: undefined,
    };
    let state = loaded.state;
    const events = [];
    for (const sent of commands) {
      const command = { ...sent, metadata: checkedCommandMetadata(sent.metadata) };
      const decided = decider.decide(command, state);
      const digest = commandDigestFor(command.type, command.metadata);
      events.push(...toNewEvents(streamId, decided, command.metadata, this.registry, digest));
      state = fold(decider, state, decided);
    }
    if (events.length === 0) return 0;
    const result = await this.store.appendToStream(streamId, events, loaded.storeRevision ?? 'no_stream');
    this.aggregates.set(streamId, { state, storeRevision: result.nextExpectedRevision });
    this.appendedEvents += events.length;
    this.appends += 1;
    return events.length;
  }

  /** Forgets a stream that will take no more commands, so memory follows the active streams only. */
  forget(streamId: string): void {
    this.aggregates.delete(streamId);
  }

  get streamsHeld(): number {
    return this.aggregates.size;
  }
}
