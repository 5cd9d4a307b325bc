import { DomainError } from '@redtape/event-sourcing';

/** Stages are numbered as the Cabinet numbers them: 1 for central government bodies, 2 for the regions. */
export type ReformStageNumber = number;

export class InvalidReformStage extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly stage: number) {
    super(`a reform stage is a whole number from 1, not ${stage}`);
  }
}

export function requireStageNumber(stage: number): ReformStageNumber {
  if (!Number.isInteger(stage) || stage < 1) throw new InvalidReformStage(stage);
  return stage;
}
