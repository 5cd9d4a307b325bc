import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

/** One JSON line per log record, on stdout, tagged with the service's name. */
export function createLogger(service: string, level: string): Logger {
  return pino({ name: service, level, base: { service } });
}

/** Routes Nest's own messages through pino, so a service prints one format only. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
