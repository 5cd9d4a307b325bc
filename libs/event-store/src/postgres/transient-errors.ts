import { setTimeout as delay } from 'node:timers/promises';

const TRANSIENT_SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
// Server shutting down, crashed, or not accepting connections yet (SQLSTATE class 57P).
const TRANSIENT_SERVER_STATES = new Set(['57P01', '57P02', '57P03']);

/** Whether the error says the server or the connection went away, rather than that the query was wrong. */
export function isTransientPostgresError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string')
    return code.startsWith('08') || TRANSIENT_SERVER_STATES.has(code) || TRANSIENT_SOCKET_ERRORS.has(code);
  return typeof message === 'string' && message.startsWith('Connection terminated');
}

const MAX_DELAY_MS = 5000;

/**
 * Runs `attempt` until it succeeds, waiting longer after each transient failure (a restarting
 * server), so that a subscription outlives it; any other error, or `stopped()`, ends the retries.
 */
export async function retryWhileTransient<T>(
  attempt: () => Promise<T>,
  stopped: () => boolean,
  onRetry: (error: Error) => void,
): Promise<T> {
  for (let delayMs = 100; ; delayMs = Math.min(delayMs * 2, MAX_DELAY_MS)) {
    try {
      return await attempt();
    } catch (error) {
      if (stopped() || !isTransientPostgresError(error)) throw error;
      onRetry(error as Error);
      await delay(delayMs);
    }
  }
}
