import {
  StreamRevisionConflict,
  wasRepeated,
  type EventStore,
  type GlobalPosition,
} from '@redtape/event-store';
import { checkedCommandMetadata, type Command, type CommandMetadata } from './command.js';
import { fold, type Decider } from './decider.js';
import type { DomainEvent } from './envelope.js';
import { AggregateRevisionConflict, CommandIdReused, InvalidCommand } from './errors.js';
import { commandDigestFor, toNewEvents } from './event-codec.js';
import { AggregateLoader, type LoadedAggregate } from './aggregate-loader.js';
import { aggregateRevisionOf } from './revision.js';
import { UpcasterRegistry } from './upcasting.js';

export interface HandleOptions {
  /** The revision the client last saw (clients' count); a mismatch is a conflict, never retried. */
  readonly expectedRevision?: number;
  /**
   * How many times to reload and decide again when another writer got in first. Only for commands
   * whose outcome the caller accepts whatever happened meanwhile; the default is to report the conflict.
   */
  readonly retriesOnConflict?: number;
}

export interface CommandOutcome<E extends DomainEvent, S> {
  readonly streamId: string;
  readonly state: S;
  readonly revision: number;
  /** What this command appended now: nothing when it changed nothing or was handled before. */
  readonly appended: readonly (E & { readonly id: string })[];
  /** Global position of the last event appended, for read-your-writes waits. */
  readonly position: GlobalPosition | undefined;
  /** True when an earlier delivery of the same command id already changed the stream. */
  readonly alreadyHandled: boolean;
}

const COMMAND_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** Load and fold, decide, append with the loaded revision: the one way every command changes history. */
export class CommandHandler<C extends Command, E extends DomainEvent, S> {
  private readonly loader: AggregateLoader<E, S>;

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<C, E, S>,
    private readonly registry: UpcasterRegistry = new UpcasterRegistry(),
  ) {
    this.loader = new AggregateLoader(store, decider, registry);
  }

  load(streamId: string): Promise<LoadedAggregate<E, S>> {
    return this.loader.load(streamId);
  }

  async handle(streamId: string, sent: C, options: HandleOptions = {}): Promise<CommandOutcome<E, S>> {
    const command = { ...sent, metadata: checkedCommandMetadata(sent.metadata) };
    const { commandId } = command.metadata;
    if (!COMMAND_ID.test(commandId))
      throw new InvalidCommand(`commandId ${JSON.stringify(commandId)} is not a valid id`);
    const { expectedRevision } = options;
    if (expectedRevision !== undefined && !(Number.isInteger(expectedRevision) && expectedRevision >= 0))
      throw new InvalidCommand(`expectedRevision must be a whole number ≥ 0, not ${expectedRevision}`);
    const commandDigest = commandDigestFor(command.type, command.metadata);

    for (let attempt = 0; ; attempt++) {
      const loaded = await this.loader.load(streamId);
      const earlier = handledBefore(loaded, command.metadata, commandDigest);
      if (earlier) return earlier;
      if (expectedRevision !== undefined && expectedRevision !== loaded.revision)
        throw new AggregateRevisionConflict(streamId, expectedRevision, loaded.revision);

      const decided = this.decider.decide(command, loaded.state);
      if (decided.length === 0) return { ...unchangedOutcome(loaded), alreadyHandled: false };

      const newEvents = toNewEvents(streamId, decided, command.metadata, this.registry, commandDigest);
      try {
        const result = await this.store.appendToStream(
          streamId,
          newEvents,
          loaded.storeRevision ?? 'no_stream',
        );
        // The same delivery raced this one and stored these very events first: its outcome, not ours.
        if (wasRepeated(result))
          return { ...unchangedOutcome(loaded), position: result.position, alreadyHandled: true };
        return {
          streamId,
          state: fold(this.decider, loaded.state, decided),
          revision: aggregateRevisionOf(result.nextExpectedRevision),
          appended: decided.map((event, i) => ({ ...event, id: newEvents[i]!.id })),
          position: result.position,
          alreadyHandled: false,
        };
      } catch (error) {
        if (!(error instanceof StreamRevisionConflict)) throw error;
        // The writer that got in first may have been this very command, sent twice at once: then
        // the answer is that delivery's outcome, not a conflict.
        const reloaded = await this.loader.load(streamId);
        const concurrent = handledBefore(reloaded, command.metadata, commandDigest);
        if (concurrent) return concurrent;
        const retriable = expectedRevision === undefined && attempt < (options.retriesOnConflict ?? 0);
        if (!retriable) {
          const actual = error.actual === 'no_stream' ? 0 : aggregateRevisionOf(error.actual);
          throw new AggregateRevisionConflict(streamId, expectedRevision ?? loaded.revision, actual);
        }
      }
    }
  }
}

function unchangedOutcome<E extends DomainEvent, S>(loaded: LoadedAggregate<E, S>) {
  return {
    streamId: loaded.streamId,
    state: loaded.state,
    revision: loaded.revision,
    appended: [],
    position: undefined,
  };
}

/**
 * The outcome of an earlier delivery of this command (same id, same caller), or undefined. Its
 * position is that of the earlier delivery's last event, so a caller that waits for read models
 * answers the state after the original command, never an older one. The same id with another
 * payload is refused: it is a client's mistake, not a retry.
 */
function handledBefore<E extends DomainEvent, S>(
  loaded: LoadedAggregate<E, S>,
  command: CommandMetadata,
  commandDigest: string | undefined,
): CommandOutcome<E, S> | undefined {
  const earlier = loaded.events.filter(
    (event) => event.metadata.commandId === command.commandId && event.metadata.actor.id === command.actor.id,
  );
  const last = earlier.at(-1);
  if (!last) return undefined;
  const stored = last.metadata.commandDigest;
  if (commandDigest !== undefined && stored !== undefined && stored !== commandDigest)
    throw new CommandIdReused(command.commandId);
  return { ...unchangedOutcome(loaded), position: last.position, alreadyHandled: true };
}
