import type { ReformStageNumber } from './reform-stages/stage-number.js';

export const unitStream = (unitId: string): string => `unit-${unitId}`;

export const authorityStream = (authorityId: string): string => `authority-${authorityId}`;

export const reformStageStream = (stage: ReformStageNumber): string => `reform-stage-${stage}`;
