import type { GlobalPosition, RecordedEvent } from '@redtape/event-store';

/** `apply` threw: the event's rows and the checkpoint were rolled back together. */
export class ProjectionApplyFailed extends Error {
  readonly eventId: string;
  readonly eventType: string;
  readonly position: GlobalPosition;

  constructor(
    readonly projection: string,
    event: RecordedEvent,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `projection "${projection}" failed to apply ${event.type} ${event.id} ` +
        `(stream ${event.streamId}, position ${event.position}): ${reason}`,
      { cause },
    );
    this.name = new.target.name;
    this.eventId = event.id;
    this.eventType = event.type;
    this.position = event.position;
  }
}

/** A batch's rows could not be written: its rows and the checkpoint were rolled back together. */
export class ProjectionBatchFailed extends Error {
  constructor(
    readonly projection: string,
    readonly firstPosition: GlobalPosition,
    readonly lastPosition: GlobalPosition,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      `projection "${projection}" failed to write the events from position ${firstPosition} to ${lastPosition}: ${reason}`,
      { cause },
    );
    this.name = new.target.name;
  }
}

/** The read model did not catch up with a position in time. */
export class ProjectionLagTimeout extends Error {
  constructor(
    readonly projection: string,
    readonly position: GlobalPosition,
    readonly timeoutMs: number,
    readonly checkpoint: GlobalPosition | undefined,
  ) {
    super(
      `projection "${projection}" did not reach position ${position} within ${timeoutMs} ms ` +
        `(its checkpoint is at ${checkpoint === undefined ? 'the start' : `position ${checkpoint}`})`,
    );
    this.name = new.target.name;
  }
}

/** The runner stopped, or failed, while someone waited for it to reach a position. */
export class ProjectionStopped extends Error {
  constructor(
    readonly projection: string,
    readonly position: GlobalPosition,
    cause?: unknown,
  ) {
    const reason = cause instanceof Error ? `: ${cause.message}` : '';
    super(`projection "${projection}" stopped before reaching position ${position}${reason}`, { cause });
    this.name = new.target.name;
  }
}

/**
 * The stored checkpoint is no longer where this runner left it: another replica folded events into
 * the same read model meanwhile. Nothing of the batch was written.
 */
export class ProjectionCheckpointMoved extends Error {
  constructor(
    readonly projection: string,
    readonly expected: GlobalPosition | undefined,
  ) {
    super(
      `projection "${projection}": the stored checkpoint moved away from ` +
        `${expected === undefined ? 'the start' : `position ${expected}`}; another replica writes this read model`,
    );
    this.name = new.target.name;
  }
}

/** Another replica began rebuilding the same projection later; this rebuild stopped, writing nothing more. */
export class ProjectionRebuildSuperseded extends Error {
  constructor(readonly projection: string) {
    super(`projection "${projection}": another replica took over its rebuild`);
    this.name = new.target.name;
  }
}

/**
 * The read model was written by a newer version of the projection (a rolling deploy): this replica's
 * older code must not rebuild it back.
 */
export class ProjectionVersionAhead extends Error {
  constructor(
    readonly projection: string,
    readonly stored: number,
    readonly own: number,
  ) {
    super(`projection "${projection}": the read model is at version ${stored}, this code knows only ${own}`);
    this.name = new.target.name;
  }
}
