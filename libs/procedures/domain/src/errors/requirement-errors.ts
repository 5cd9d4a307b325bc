import { DomainError } from '@redtape/event-sourcing';

export class RequirementNotFound extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(readonly requirementId: string) {
    super(`the procedure has no requirement ${requirementId}`);
  }
}

/** Two requirements whose names normalize alike ask for the same document twice. */
export class DuplicateRequirementName extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly requirementId: string,
    readonly requirementName: string,
    readonly existingRequirementId: string,
    readonly existingName: string,
  ) {
    super(
      `requirement ${requirementId} (${JSON.stringify(requirementName)}) asks for the same document as ` +
        `requirement ${existingRequirementId} (${JSON.stringify(existingName)}): ` +
        `change the existing requirement instead of adding another`,
    );
  }
}

export class DuplicateRequirementId extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly requirementId: string) {
    super(`requirement id ${requirementId} is given more than once: each requirement needs its own id`);
  }
}

/** Adding a requirement under an id that already holds other content. */
export class RequirementAlreadyExists extends DomainError {
  readonly code = 'CONFLICT';
  constructor(readonly requirementId: string) {
    super(
      `the procedure already has a requirement ${requirementId} with other content: ` +
        `replace that requirement, or add the new one under another id`,
    );
  }
}
