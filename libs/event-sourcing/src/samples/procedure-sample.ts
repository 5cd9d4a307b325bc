/**
 * A miniature procedure aggregate used only by this library's specs: just enough domain to exercise
 * deciding, folding, retries, conflicts and upcasting on a real event store.
 */
import type { Command } from '../command.js';
import type { Decider } from '../decider.js';
import type { DomainEvent } from '../envelope.js';

export type SampleEvent =
  | DomainEvent<'ProcedureRegistered', { title: string; decisionDays: number }>
  | DomainEvent<'DecisionTimeChanged', { from: number | null; to: number }>
  | DomainEvent<'ProcedureAbolished', { reason: string }>;

export type SampleCommand =
  | Command<'RegisterProcedure', { title: string; decisionDays: number }>
  | Command<'ChangeDecisionTime', { days: number }>
  | Command<'AbolishProcedure', { reason: string }>;

export type SampleState =
  | { status: 'none' }
  | { status: 'active'; title: string; decisionDays: number }
  | { status: 'abolished'; title: string };

export class ProcedureNotActive extends Error {}
export class ProcedureAlreadyRegistered extends Error {}
export class DecisionTimeTooShort extends Error {
  constructor(readonly days: number) {
    super(`a decision takes at least one day, not ${days}`);
  }
}

export const sampleDecider: Decider<SampleCommand, SampleEvent, SampleState> = {
  initialState: () => ({ status: 'none' }),
  evolve(state, event) {
    switch (event.type) {
      case 'ProcedureRegistered':
        return { status: 'active', title: event.data.title, decisionDays: event.data.decisionDays };
      case 'DecisionTimeChanged':
        return state.status === 'active' ? { ...state, decisionDays: event.data.to } : state;
      case 'ProcedureAbolished':
        return state.status === 'active' ? { status: 'abolished', title: state.title } : state;
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'RegisterProcedure':
        if (state.status !== 'none') throw new ProcedureAlreadyRegistered();
        return [{ type: 'ProcedureRegistered', data: command.data }];
      case 'ChangeDecisionTime':
        if (state.status !== 'active') throw new ProcedureNotActive();
        if (command.data.days < 1) throw new DecisionTimeTooShort(command.data.days);
        if (command.data.days === state.decisionDays) return [];
        return [{ type: 'DecisionTimeChanged', data: { from: state.decisionDays, to: command.data.days } }];
      case 'AbolishProcedure':
        if (state.status !== 'active') throw new ProcedureNotActive();
        return [{ type: 'ProcedureAbolished', data: { reason: command.data.reason } }];
    }
  },
};
