import { DomainError } from '@redtape/event-sourcing';

export class StepNotFound extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(readonly stepId: string) {
    super(`the procedure has no step ${stepId}`);
  }
}

export class DuplicateStepId extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly stepId: string) {
    super(`step id ${stepId} is given more than once: each step needs its own id`);
  }
}

/** Adding a step under an id that already holds another step (or the same one elsewhere). */
export class StepAlreadyExists extends DomainError {
  readonly code = 'CONFLICT';
  constructor(readonly stepId: string) {
    super(
      `the procedure already has a step ${stepId}: remove it first, reorder the steps to move it, ` +
        `or add the new step under another id`,
    );
  }
}

/** A new order must name every current step exactly once. */
export class StepOrderNotAPermutation extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly missing: readonly string[],
    readonly unknown: readonly string[],
    readonly repeated: readonly string[],
  ) {
    const problems = [
      missing.length > 0 ? `it leaves out ${missing.join(', ')}` : undefined,
      unknown.length > 0 ? `the procedure has no step ${unknown.join(', ')}` : undefined,
      repeated.length > 0 ? `it names ${repeated.join(', ')} more than once` : undefined,
    ].filter((problem) => problem !== undefined);
    super(`a new order must list every current step exactly once, but ${problems.join('; ')}`);
  }
}
