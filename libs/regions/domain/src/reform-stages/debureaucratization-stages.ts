import type { ReformStageStartedData } from './reform-stage-events.js';

/** The date of the Cabinet of Ministers meeting that moved the reform to the regions and named the pilot. */
export const REGIONAL_STAGE_STARTED_ON = '2026-01-15';

export const CENTRAL_STAGE = 1;
export const REGIONAL_STAGE = 2;

/** The two stages of the debureaucratization reform, as the Cabinet meeting report describes them. */
export const DEBUREAUCRATIZATION_STAGES: readonly ReformStageStartedData[] = [
  {
    stage: CENTRAL_STAGE,
    title: 'Debureaucratization of central government bodies',
    scope: 'CENTRAL',
    startedOn: null,
    note:
      'The report of the Cabinet of Ministers meeting (2026-01-15) says only that the first stage involved ' +
      'central government bodies and that significant progress was made by 2025; it gives no start date.',
  },
  {
    stage: REGIONAL_STAGE,
    title: 'Debureaucratization in the regions',
    scope: 'REGIONAL',
    startedOn: REGIONAL_STAGE_STARTED_ON,
    note:
      'Dated by the Cabinet of Ministers meeting chaired by A. Kasymaliev (24.kg and gazeta.kg, 2026-01-15) ' +
      'that moved the reform to the regional level and named the pilot: the cities Tokmok and Naryn, ' +
      'the districts Nookat, Batken and Tyup, and the regions Jalal-Abad and Talas.',
  },
];
