import { describe, it } from '@jest/globals';
import type { CommandMetadata } from '@redtape/event-sourcing';
import { deciderSpec } from '@redtape/event-sourcing/testing';
import { InvalidCalendarDate } from '../shared/calendar-date.js';
import { RequiredTextMissing } from '../shared/text.js';
import type { ReformStageCommand } from './reform-stage-commands.js';
import { reformStageDecider } from './reform-stage-decider.js';
import { ReformStageAlreadyStarted } from './reform-stage-errors.js';
import type { ReformStageEvent, ReformStageStartedData } from './reform-stage-events.js';
import { InvalidReformStage } from './stage-number.js';

const metadata: CommandMetadata = {
  commandId: 'c-1',
  actor: { id: 'cabinet', role: 'cabinet' },
  now: new Date('2026-02-01'),
};

const regional: ReformStageStartedData = {
  stage: 2,
  title: 'Debureaucratization in the regions',
  scope: 'REGIONAL',
  startedOn: '2026-01-15',
  note: null,
};
const central: ReformStageStartedData = {
  stage: 1,
  title: 'Debureaucratization of central government bodies',
  scope: 'CENTRAL',
  startedOn: null,
  note: 'the source gives no start date',
};

const started = (data = regional): ReformStageEvent => ({ type: 'ReformStageStarted', data });
const start = (data: ReformStageStartedData): ReformStageCommand => ({
  type: 'StartReformStage',
  data,
  metadata,
});

const spec = deciderSpec(reformStageDecider);

describe('starting a reform stage', () => {
  it('records the stage with its title, scope and start date', () =>
    spec.given([]).when(start(regional)).then([started()]));

  it('starts a stage whose start date the sources do not give, saying so in a note', () =>
    spec
      .given([])
      .when(start(central))
      .then([started(central)]));

  it('appends nothing when the same stage is started again with the same details', () =>
    spec.given([started()]).when(start(regional)).thenNothing());

  it('refuses to start a stage again with other details, as a conflict', () =>
    spec
      .given([started()])
      .when(start({ ...regional, startedOn: '2026-02-01' }))
      .thenThrows(ReformStageAlreadyStarted, { code: 'CONFLICT', stage: 2 }));

  it('refuses a start date that is not a real day', () =>
    spec
      .given([])
      .when(start({ ...regional, startedOn: '2026-01-32' }))
      .thenThrows(InvalidCalendarDate, { field: 'startedOn' }));

  it('refuses a stage without a title', () =>
    spec
      .given([])
      .when(start({ ...regional, title: ' ' }))
      .thenThrows(RequiredTextMissing, { field: 'title' }));

  it('refuses a stage that is not a whole number from 1', () =>
    spec
      .given([])
      .when(start({ ...regional, stage: 1.5 }))
      .thenThrows(InvalidReformStage, { code: 'BAD_USER_INPUT' }));
});
