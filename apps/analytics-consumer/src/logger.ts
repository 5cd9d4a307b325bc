import { pino, type DestinationStream, type Level, type Logger } from 'pino';

/** One JSON line per entry on stdout (or `destination`), with ISO timestamps, as the services log. */
export function createLogger(level: Level | 'silent' = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'analytics-consumer' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
