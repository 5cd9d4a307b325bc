import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Sends Nest's own messages (module wiring, routes, start-up) through the same JSON log. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.logger.info(entry(rest), text(message));
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.logger.error(entry(rest), text(message));
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.logger.warn(entry(rest), text(message));
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.logger.debug(entry(rest), text(message));
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.logger.trace(entry(rest), text(message));
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.logger.fatal(entry(rest), text(message));
  }
}

function text(message: unknown): string {
  if (message instanceof Error) return message.message;
  return typeof message === 'string' ? message : JSON.stringify(message);
}

// Nest passes optional details first and the context (the class that logs) last.
function entry(rest: unknown[]): Record<string, unknown> {
  const context = rest.at(-1);
  const details = rest.slice(0, -1).filter((detail) => detail !== undefined);
  return {
    ...(typeof context === 'string' ? { context } : {}),
    ...(details.length > 0 ? { details } : {}),
  };
}
