import type { Command } from './command.js';
import type { DomainEvent } from './envelope.js';

/**
 * An aggregate as three plain functions: what it is before anything happened, how one event changes
 * it, and which events a command produces from a given state (or which rule it breaks, by throwing).
 * A command that would change nothing returns no events.
 */
export interface Decider<C extends Command, E extends DomainEvent, S> {
  initialState(): S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S): readonly E[];
}

export function fold<E extends DomainEvent, S>(
  decider: Pick<Decider<never, E, S>, 'evolve'>,
  state: S,
  events: Iterable<E>,
): S {
  let folded = state;
  for (const event of events) folded = decider.evolve(folded, event);
  return folded;
}
