import type { Decider } from '@redtape/event-sourcing';
import type { OfficialEvent } from '../accountability-events.js';
import { requirePastOrToday } from '../rules/dates.js';
import { requireId } from '../rules/ids.js';
import { requireReason } from '../rules/reason.js';
import { requiredText } from '../rules/text.js';
import type {
  AppointOfficial,
  OfficialCommand,
  RegisterOfficial,
  RelieveOfficialOfDuties,
} from './official-commands.js';
import {
  AppointmentBeforeEarlierRelief,
  AuthorityAlreadyHeaded,
  OfficialAlreadyHoldsPosition,
  OfficialAlreadyRegistered,
  OfficialHoldsNoPosition,
  OfficialNotRegistered,
  ReliefBeforeAppointment,
} from './official-errors.js';
import {
  evolveOfficial,
  initialOfficialState,
  type OfficialDocument,
  type OfficialState,
} from './official-state.js';

function decideRegistration(command: RegisterOfficial, state: OfficialState): OfficialEvent[] {
  const officialId = requireId('officialId', command.data.officialId);
  const name = requiredText('name', command.data.name);
  if (state.status === 'unregistered') return [{ type: 'OfficialRegistered', data: { officialId, name } }];
  // The same registration told again (a retried load) is no news; another name is a real conflict.
  if (state.official.officialId === officialId && state.official.name === name) return [];
  throw new OfficialAlreadyRegistered(state.official.officialId);
}

function decideAppointment(command: AppointOfficial, official: OfficialDocument): OfficialEvent[] {
  const authorityId = requiredText('authorityId', command.data.authorityId);
  const unitId = requiredText('unitId', command.data.unitId);
  const title = requiredText('title', command.data.title);
  const head = command.data.head === true;
  const appointedOn = requirePastOrToday('appointedOn', command.data.appointedOn, command.metadata.now);

  const current = official.currentPositions.find((p) => p.authorityId === authorityId);
  if (current) {
    const same =
      current.unitId === unitId &&
      current.title === title &&
      current.head === head &&
      current.appointedOn === appointedOn;
    if (same) return [];
    throw new OfficialAlreadyHoldsPosition(official.officialId, authorityId, current.title);
  }
  // Positions in one authority follow each other, so the history never shows two at once there.
  const overlapped = official.positions.find(
    (p) => p.authorityId === authorityId && p.relievedOn !== null && p.relievedOn > appointedOn,
  );
  if (overlapped?.relievedOn)
    throw new AppointmentBeforeEarlierRelief(authorityId, appointedOn, overlapped.relievedOn);
  const sittingHead = command.data.authorityHeadOfficialId;
  if (head && sittingHead && sittingHead !== official.officialId)
    throw new AuthorityAlreadyHeaded(authorityId, sittingHead);

  return [
    {
      type: 'OfficialAppointed',
      data: { officialId: official.officialId, authorityId, unitId, title, head, appointedOn },
    },
  ];
}

function decideRelief(command: RelieveOfficialOfDuties, official: OfficialDocument): OfficialEvent[] {
  requireReason(command);
  const authorityId = requiredText('authorityId', command.data.authorityId);
  const relievedOn = requirePastOrToday('relievedOn', command.data.relievedOn, command.metadata.now);

  const current = official.currentPositions.find((p) => p.authorityId === authorityId);
  if (!current) {
    const last = official.positions.filter((p) => p.authorityId === authorityId).at(-1);
    // Relieving again on the same day (a retried command) is no news.
    if (last?.relievedOn === relievedOn) return [];
    throw new OfficialHoldsNoPosition(official.officialId, authorityId);
  }
  if (relievedOn < current.appointedOn) throw new ReliefBeforeAppointment(relievedOn, current.appointedOn);
  return [
    {
      type: 'OfficialRelievedOfDuties',
      data: {
        officialId: official.officialId,
        authorityId,
        unitId: current.unitId,
        head: current.head,
        relievedOn,
      },
    },
  ];
}

/**
 * An official and the positions they held (`official-<officialId>`). Registration comes first
 * (NOT_FOUND otherwise); an official holds at most one position per authority at a time, and relieving
 * one of duties needs a reason. A command that changes nothing returns no events.
 */
export const officialDecider: Decider<OfficialCommand, OfficialEvent, OfficialState> = {
  initialState: initialOfficialState,
  evolve: evolveOfficial,

  decide(command, state): OfficialEvent[] {
    if (command.type === 'RegisterOfficial') return decideRegistration(command, state);
    if (state.status === 'unregistered') throw new OfficialNotRegistered(command.type);
    switch (command.type) {
      case 'AppointOfficial':
        return decideAppointment(command, state.official);
      case 'RelieveOfficialOfDuties':
        return decideRelief(command, state.official);
    }
  },
};
