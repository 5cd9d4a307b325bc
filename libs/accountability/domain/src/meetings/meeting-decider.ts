import { type Decider, sameJson } from '@redtape/event-sourcing';
import type { MeetingEvent, MeetingHeld } from '../accountability-events.js';
import { InvalidMeetingLevel } from '../errors/value-errors.js';
import { requireLocalDate } from '../rules/dates.js';
import { optionalId, requireId } from '../rules/ids.js';
import { requiredText } from '../rules/text.js';
import type { HoldMeeting, MeetingCommand } from './meeting-commands.js';
import { MeetingAlreadyHeld } from './meeting-errors.js';

export type MeetingDocument = MeetingHeld['data'];

export type MeetingState = { status: 'not-held' } | { status: 'held'; meeting: MeetingDocument };

export const initialMeetingState = (): MeetingState => ({ status: 'not-held' });

export function evolveMeeting(_state: MeetingState, event: MeetingEvent): MeetingState {
  switch (event.type) {
    case 'MeetingHeld':
      return { status: 'held', meeting: event.data };
  }
}

const LEVELS: readonly string[] = ['CABINET', 'REGIONAL'] satisfies MeetingDocument['level'][];

/** The meeting as it will be recorded: every part checked and trimmed. */
function meetingOf({ data }: HoldMeeting): MeetingDocument {
  if (!LEVELS.includes(data.level)) throw new InvalidMeetingLevel(String(data.level));
  return {
    meetingId: requireId('meetingId', data.meetingId),
    heldOn: requireLocalDate('heldOn', data.heldOn),
    level: data.level,
    unitId: requiredText('unitId', data.unitId),
    title: requiredText('title', data.title),
    chair: requiredText('chair', data.chair),
    chairOfficialId: optionalId('chairOfficialId', data.chairOfficialId),
    agenda: (data.agenda ?? []).map((item, i) => requiredText(`agenda[${i}]`, item)),
  };
}

/** A meeting as minuted (`meeting-<meetingId>`): recorded once; the same minutes again change nothing. */
export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState> = {
  initialState: initialMeetingState,
  evolve: evolveMeeting,

  decide(command, state): MeetingEvent[] {
    switch (command.type) {
      case 'HoldMeeting': {
        const meeting = meetingOf(command);
        if (state.status === 'not-held') return [{ type: 'MeetingHeld', data: meeting }];
        if (sameJson(meeting, state.meeting)) return [];
        throw new MeetingAlreadyHeld(meeting.meetingId);
      }
    }
  },
};
