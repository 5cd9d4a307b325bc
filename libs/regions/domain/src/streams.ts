import type { ReformStageNumber } from './reform-stages/stage-number.js';

export const UNIT_STREAM_PREFIX = 'unit-';
export const AUTHORITY_STREAM_PREFIX = 'authority-';
export const REFORM_STAGE_STREAM_PREFIX = 'reform-stage-';

export const unitStream = (unitId: string): string => `${UNIT_STREAM_PREFIX}${unitId}`;

export const authorityStream = (authorityId: string): string => `${AUTHORITY_STREAM_PREFIX}${authorityId}`;

export const reformStageStream = (stage: ReformStageNumber): string =>
  `${REFORM_STAGE_STREAM_PREFIX}${stage}`;

/** The unit id a unit stream belongs to: `city/tokmok` for `unit-city/tokmok`. */
export const unitIdOfStream = (streamId: string): string => streamId.slice(UNIT_STREAM_PREFIX.length);

/** Every stream this context writes, for its read model and the Kafka relay. */
export const REGIONS_STREAMS = {
  streamPrefixes: [UNIT_STREAM_PREFIX, AUTHORITY_STREAM_PREFIX, REFORM_STAGE_STREAM_PREFIX],
} as const;
