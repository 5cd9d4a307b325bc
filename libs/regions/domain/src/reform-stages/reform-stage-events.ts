import type { DomainEvent } from '@redtape/event-sourcing';
import type { CalendarDate } from '../shared/calendar-date.js';
import type { ReformStageNumber } from './stage-number.js';

/** Which government bodies a stage of the debureaucratization reform covers. */
export type ReformScope = 'CENTRAL' | 'REGIONAL';

export type ReformStageStartedData = {
  stage: ReformStageNumber;
  title: string;
  scope: ReformScope;
  /** Null when the sources do not say when the stage started; `note` then says so. */
  startedOn: CalendarDate | null;
  note: string | null;
};

export type ReformStageStarted = DomainEvent<'ReformStageStarted', ReformStageStartedData>;

export type ReformStageEvent = ReformStageStarted;
