/**
 * What a client may do about a refused command. The API layer maps the code one to one onto its
 * error codes, so every rule the domain enforces reaches the client typed, never as a server error.
 */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'COMMAND_ID_REUSED';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** `procedure-nookat-land-lease` as a client knows it: "procedure nookat-land-lease". */
function whatIsIn(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash > 0 ? `${streamId.slice(0, dash)} ${streamId.slice(dash + 1)}` : streamId;
}

/** The aggregate moved on since the client read it; `actualRevision` lets it reload and decide again. */
export class AggregateRevisionConflict extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(
      `${whatIsIn(streamId)} is at revision ${actualRevision}, not ${expectedRevision}: reload it and try again`,
    );
  }
}

export class InvalidCommand extends DomainError {
  readonly code = 'BAD_USER_INPUT';
}

/** A command id sent again with another payload: a retry must repeat the request exactly. */
export class CommandIdReused extends DomainError {
  readonly code = 'COMMAND_ID_REUSED';
  constructor(readonly commandId: string) {
    super(
      `commandId ${commandId} was already used for another request: send a retry exactly as the first, or a new change with a new commandId`,
    );
  }
}
