import { ErrorType, convertToCommandError } from '@kurrent/kurrentdb-client';
import { StreamNotFound, StreamRevisionConflict, type ExpectedRevision } from '../port/index.js';

/**
 * The client's error kind, read from its `type` tag rather than by `instanceof`, so that the check
 * holds even when a test runner loads a second copy of the client. Raw gRPC errors (the client does
 * not convert every path) are converted first.
 */
export function clientErrorType(error: unknown): ErrorType | undefined {
  if (!(error instanceof Error)) return undefined;
  const tagged = isGrpcStatusError(error) ? converted(error) : error;
  const type = (tagged as { type?: unknown }).type;
  return KNOWN_TYPES.has(type as ErrorType) ? (type as ErrorType) : undefined;
}

function converted(error: Error): Error {
  try {
    return convertToCommandError(error);
  } catch {
    // The conversion reads status details some gRPC errors lack; such an error is of no known kind.
    return error;
  }
}

const KNOWN_TYPES = new Set<unknown>(Object.values(ErrorType));

/** A gRPC status error as grpc-js raises it: `convertToCommandError` expects its `details`. */
function isGrpcStatusError(error: Error): boolean {
  const { code, details } = error as { code?: unknown; details?: unknown };
  return typeof code === 'number' && typeof details === 'string';
}

/** The port's error for what the client raised about `streamId`; anything else passes unchanged. */
export function translateError(error: unknown, streamId: string, expected?: ExpectedRevision): unknown {
  switch (clientErrorType(error)) {
    case ErrorType.WRONG_EXPECTED_VERSION: {
      const { actualState } = error as { actualState: bigint | 'no_stream' };
      return new StreamRevisionConflict(streamId, expected ?? 'any', actualState);
    }
    case ErrorType.STREAM_NOT_FOUND:
      return new StreamNotFound(streamId);
    default:
      return error;
  }
}

export function isStreamNotFound(error: unknown): boolean {
  return clientErrorType(error) === ErrorType.STREAM_NOT_FOUND;
}

/**
 * A subscription that failed before it reached the server: the client could not get a channel, as
 * when cluster discovery fails (`Error('Failed to discover after … attempts.')`). The client reports
 * those as plain errors, not as one of its own kinds; the cause is the client's error.
 */
export class SubscriptionSetupError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`KurrentDB: could not start a subscription: ${reason}`, { cause });
    this.name = 'SubscriptionSetupError';
  }
}

/**
 * Failures of the connection rather than of the request: the server went away, restarted, changed
 * leader, or the call timed out; or the subscription could not reach a server to start. A
 * subscription resubscribes after these; anything else (access denied, a malformed event, a bug)
 * ends it.
 */
const TRANSIENT = new Set<ErrorType>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.CANCELLED,
  ErrorType.NOT_LEADER,
]);

export function isTransient(error: unknown): boolean {
  if (error instanceof SubscriptionSetupError) return true;
  const type = clientErrorType(error);
  return type !== undefined && TRANSIENT.has(type);
}
