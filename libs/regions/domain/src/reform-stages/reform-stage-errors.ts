import { DomainError } from '@redtape/event-sourcing';

export class ReformStageAlreadyStarted extends DomainError {
  readonly code = 'CONFLICT';
  constructor(readonly stage: number) {
    super(`reform stage ${stage} has already been started with other details; it cannot be started again`);
  }
}
