import { describe, it } from '@jest/globals';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import type { MeetingHeld } from '../accountability-events.js';
import { InvalidLocalDate, InvalidMeetingLevel, RequiredTextMissing } from '../errors/value-errors.js';
import { cabinetMeeting, command, meetingHeld } from '../testing/accountability-fixtures.js';
import { meetingDecider } from './meeting-decider.js';
import { MeetingAlreadyHeld } from './meeting-errors.js';

const spec = deciderSpec(meetingDecider);

const hold = (changes: Partial<MeetingHeld['data']> = {}) =>
  command('HoldMeeting', { ...cabinetMeeting, ...changes });

describe('holding a meeting', () => {
  it('records a Cabinet meeting with its date, chair and agenda', () =>
    spec.given([]).when(hold()).then([meetingHeld]));

  it('records a regional meeting chaired by a recorded official', () =>
    spec
      .given([])
      .when(hold({ level: 'REGIONAL', unitId: 'region/talas', chairOfficialId: 'governor-talas' }))
      .then([
        {
          type: 'MeetingHeld',
          data: {
            ...cabinetMeeting,
            level: 'REGIONAL',
            unitId: 'region/talas',
            chairOfficialId: 'governor-talas',
          },
        },
      ]));

  it('trims the title, the chair and the agenda items, and records a blank chair id as none', () =>
    spec
      .given([])
      .when(
        hold({
          title: ` ${cabinetMeeting.title} `,
          chair: `${cabinetMeeting.chair}  `,
          chairOfficialId: ' ',
          agenda: cabinetMeeting.agenda.map((item) => ` ${item}`),
        }),
      )
      .then([meetingHeld]));

  it('records a meeting without an agenda', () =>
    spec
      .given([])
      .when(hold({ agenda: [] }))
      .then([{ type: 'MeetingHeld', data: { ...cabinetMeeting, agenda: [] } }]));

  it('changes nothing when the same meeting is recorded again', () =>
    spec.given([meetingHeld]).when(hold()).thenNothing());

  it('refuses to record the meeting again with other details, as a conflict', () =>
    spec
      .given([meetingHeld])
      .when(hold({ heldOn: '2026-02-11' }))
      .thenThrows(MeetingAlreadyHeld, { code: 'CONFLICT', meetingId: 'cabinet-2026-02-10' }));

  it.each(['title', 'chair', 'unitId'] as const)('refuses a meeting without a %s', (field) =>
    spec
      .given([])
      .when(hold({ [field]: '  ' }))
      .thenThrows(RequiredTextMissing, { code: 'BAD_USER_INPUT', field }),
  );

  it('refuses a blank agenda item', () =>
    spec
      .given([])
      .when(hold({ agenda: ['Reports on progress', ' '] }))
      .thenThrows(RequiredTextMissing, { field: 'agenda[1]' }));

  it('refuses a level other than CABINET or REGIONAL', () =>
    spec
      .given([])
      .when(hold({ level: 'DISTRICT' as 'REGIONAL' }))
      .thenThrows(InvalidMeetingLevel, { code: 'BAD_USER_INPUT', level: 'DISTRICT' }));

  it('refuses a date that is not a real day', () =>
    spec
      .given([])
      .when(hold({ heldOn: '2026-02-29' }))
      .thenThrows(InvalidLocalDate, { field: 'heldOn' }));
});
