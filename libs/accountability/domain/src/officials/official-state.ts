import type { LocalDate, OfficialEvent } from '../accountability-events.js';

/** One position an official held or holds: `relievedOn` is null while it lasts. */
export type Position = {
  authorityId: string;
  unitId: string;
  title: string;
  head: boolean;
  appointedOn: LocalDate;
  relievedOn: LocalDate | null;
};

export type OfficialDocument = {
  officialId: string;
  name: string;
  /** Every position the official ever held, in order of appointment. */
  positions: Position[];
  /** The positions held now, at most one per authority. */
  currentPositions: Position[];
};

export type OfficialState = { status: 'unregistered' } | { status: 'registered'; official: OfficialDocument };

export const initialOfficialState = (): OfficialState => ({ status: 'unregistered' });

/** Folds one event; pure and total, so projections fold exactly as the decider does. */
export function evolveOfficial(state: OfficialState, event: OfficialEvent): OfficialState {
  if (event.type === 'OfficialRegistered') {
    const { officialId, name } = event.data;
    return { status: 'registered', official: { officialId, name, positions: [], currentPositions: [] } };
  }
  if (state.status !== 'registered') return state;
  const { official } = state;
  let positions: Position[];
  switch (event.type) {
    case 'OfficialAppointed': {
      const { authorityId, unitId, title, head, appointedOn } = event.data;
      positions = [
        ...official.positions,
        { authorityId, unitId, title, head, appointedOn, relievedOn: null },
      ];
      break;
    }
    case 'OfficialRelievedOfDuties': {
      const { authorityId, relievedOn } = event.data;
      positions = official.positions.map((p) =>
        p.authorityId === authorityId && p.relievedOn === null ? { ...p, relievedOn } : p,
      );
      break;
    }
  }
  return {
    status: 'registered',
    official: { ...official, positions, currentPositions: positions.filter((p) => p.relievedOn === null) },
  };
}

/** Whether the official holds a position now: what the application passes as `…InOffice` to other commands. */
export function isInOffice(state: OfficialState): boolean {
  return state.status === 'registered' && state.official.currentPositions.length > 0;
}
