import type { Command } from '@redtape/event-sourcing';
import type { LocalDate } from '../accountability-events.js';

/**
 * Makes an official personally responsible for a procedure, instead of the head of its owning authority
 * (who answers for it by default). `officialIsInOffice` is looked up by the application, which can read
 * the official's stream: false for an unknown official.
 */
export type AssignProcedureResponsibility = Command<
  'AssignProcedureResponsibility',
  {
    procedureId: string;
    officialId: string;
    assignedOn: LocalDate;
    officialIsInOffice: boolean;
    /** The units of the positions the official holds now, from the official's stream. */
    officialUnitIds?: string[];
    /** The procedure's unit, then its ancestors up to the country, from the regions' mirror. */
    procedureUnitAncestry?: string[];
  }
>;

export type ResponsibilityCommand = AssignProcedureResponsibility;
