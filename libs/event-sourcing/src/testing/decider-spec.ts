import { expect } from '@jest/globals';
import type { Command } from '../command.js';
import { fold, type Decider } from '../decider.js';
import type { DomainEvent } from '../envelope.js';

type ErrorClass = abstract new (...args: never[]) => Error;

export interface DeciderThen<E> {
  /** The command produces exactly these events. */
  then(expected: readonly E[]): void;
  /** The command changes nothing: no events. */
  thenNothing(): void;
  /** The command breaks a rule: it throws this error, optionally with these properties. */
  thenThrows(type: ErrorClass, properties?: Record<string, unknown>): void;
}

/** Given/when/then for a decider: `spec.given([registered]).when(abolish).then([abolished])`. */
export function deciderSpec<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(history: readonly E[]) {
      return {
        when(command: C): DeciderThen<E> {
          const decide = () => decider.decide(command, fold(decider, decider.initialState(), history));
          return {
            then: (expected) => expect(decide()).toEqual(expected),
            thenNothing: () => expect(decide()).toEqual([]),
            thenThrows: (type, properties) => {
              let thrown: unknown;
              try {
                decide();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(type);
              if (properties) expect(thrown).toMatchObject(properties);
            },
          };
        },
      };
    },
  };
}
