import type { Command } from '@redtape/event-sourcing';
import type { LocalDate } from '../accountability-events.js';

/** Records a meeting of the Cabinet or of a region as minuted; recording it again changes nothing. */
export type HoldMeeting = Command<
  'HoldMeeting',
  {
    meetingId: string;
    heldOn: LocalDate;
    level: 'CABINET' | 'REGIONAL';
    /** The unit the meeting is about: country/kg for the Cabinet. */
    unitId: string;
    title: string;
    chair: string;
    chairOfficialId: string | null;
    agenda: string[];
  }
>;

export type MeetingCommand = HoldMeeting;
