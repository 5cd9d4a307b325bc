import type { ReformStageNumber } from './reform-stages/stage-number.js';

const UNIT_STREAM_PREFIX = 'unit-';

export const unitStream = (unitId: string): string => `${UNIT_STREAM_PREFIX}${unitId}`;

export const authorityStream = (authorityId: string): string => `authority-${authorityId}`;

export const reformStageStream = (stage: ReformStageNumber): string => `reform-stage-${stage}`;

/** The unit id a unit stream belongs to: `city/tokmok` for `unit-city/tokmok`. */
export const unitIdOfStream = (streamId: string): string => streamId.slice(UNIT_STREAM_PREFIX.length);
