import type { Logger } from 'pino';
import { createLogger } from '../logger.js';

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** The consumer's real logger, writing its JSON lines into an array the test reads. */
export function capturedLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

export const PINO_LEVEL = { debug: 20, info: 30, warn: 40, error: 50 } as const;
