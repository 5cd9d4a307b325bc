import type { Command } from '@redtape/event-sourcing';
import type { LocalDate } from '../accountability-events.js';

/** Records a person who can hold positions; registering the same official again changes nothing. */
export type RegisterOfficial = Command<'RegisterOfficial', { officialId: string; name: string }>;

/** Appoints the official to a position in an authority: one position at a time per authority. */
export type AppointOfficial = Command<
  'AppointOfficial',
  {
    authorityId: string;
    /** The authority's unit, as the regions context recorded it. */
    unitId: string;
    title: string;
    /** Whether the position heads the authority, and so answers for the unit's reform results. */
    head: boolean;
    appointedOn: LocalDate;
    /**
     * Who heads the authority now (see `currentHeadOf`), as the application looks it up: a second
     * head is refused while the first is in office. Undefined or null: nobody.
     */
    authorityHeadOfficialId?: string | null;
  }
>;

/** Ends the official's current position in the authority; `metadata.reason` says why. */
export type RelieveOfficialOfDuties = Command<
  'RelieveOfficialOfDuties',
  { authorityId: string; relievedOn: LocalDate }
>;

export type OfficialCommand = RegisterOfficial | AppointOfficial | RelieveOfficialOfDuties;
