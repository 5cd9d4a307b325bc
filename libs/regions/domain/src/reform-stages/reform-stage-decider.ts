import { type Decider, sameJson } from '@redtape/event-sourcing';
import { requireCalendarDate } from '../shared/calendar-date.js';
import { MAX_NAME_LENGTH, optionalText, requiredText } from '../shared/text.js';
import type { ReformStageCommand } from './reform-stage-commands.js';
import { ReformStageAlreadyStarted } from './reform-stage-errors.js';
import type { ReformStageEvent, ReformStageStartedData } from './reform-stage-events.js';
import { requireStageNumber } from './stage-number.js';

export type ReformStageState =
  { status: 'not-started' } | { status: 'started'; start: ReformStageStartedData };

const MAX_NOTE_LENGTH = 2000;

function normalizeStart(data: ReformStageStartedData): ReformStageStartedData {
  return {
    stage: requireStageNumber(data.stage),
    title: requiredText('title', data.title, MAX_NAME_LENGTH),
    scope: data.scope,
    startedOn: data.startedOn === null ? null : requireCalendarDate('startedOn', data.startedOn),
    note: optionalText('note', data.note, MAX_NOTE_LENGTH, 'prose') ?? null,
  };
}

export const reformStageDecider: Decider<ReformStageCommand, ReformStageEvent, ReformStageState> = {
  initialState: () => ({ status: 'not-started' }),

  evolve(_state, event) {
    switch (event.type) {
      case 'ReformStageStarted':
        return { status: 'started', start: event.data };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'StartReformStage': {
        const start = normalizeStart(command.data);
        if (state.status === 'started') {
          // The same start told twice (a reload of reference data) is no news.
          if (sameJson(start, state.start)) return [];
          throw new ReformStageAlreadyStarted(start.stage);
        }
        return [{ type: 'ReformStageStarted', data: start }];
      }
    }
  },
};
