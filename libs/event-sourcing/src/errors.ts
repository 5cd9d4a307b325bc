/**
 * What a client may do about a refused command. The API layer maps the code one to one onto its
 * error codes, so every rule the domain enforces reaches the client typed, never as a server error.
 */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The aggregate moved on since the client read it; `actualRevision` lets it reload and decide again. */
export class AggregateRevisionConflict extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(`${streamId} is at revision ${actualRevision}, not ${expectedRevision}: reload it and try again`);
  }
}

export class InvalidCommand extends DomainError {
  readonly code = 'BAD_USER_INPUT';
}
