import type { Logger } from 'pino';

/** The small logger interface Apollo Server and the gateway accept. */
export interface ApolloLogger {
  debug(message?: unknown): void;
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

export function apolloLogger(logger: Logger): ApolloLogger {
  return {
    debug: (message) => logger.debug(String(message)),
    info: (message) => logger.info(String(message)),
    warn: (message) => logger.warn(String(message)),
    error: (message) => logger.error(String(message)),
  };
}
