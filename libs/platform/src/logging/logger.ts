import { pino, type DestinationStream, type Level, type Logger } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS: readonly Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

/** One JSON line per entry on stdout (or `destination`), with ISO timestamps and the service name. */
export function createLogger(
  service: string,
  level: Level | 'silent' = 'info',
  destination?: DestinationStream,
): Logger {
  const options = { level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime };
  return destination === undefined ? pino(options) : pino(options, destination);
}
