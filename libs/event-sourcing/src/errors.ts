/** The aggregate moved on since the client read it; `actualRevision` lets it reload and decide again. */
export class AggregateRevisionConflict extends Error {
  readonly code = 'CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(`${streamId} is at revision ${actualRevision}, not ${expectedRevision}: reload it and try again`);
    this.name = 'AggregateRevisionConflict';
  }
}

export class InvalidCommand extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCommand';
  }
}
