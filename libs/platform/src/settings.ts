import { ConfigurationError } from '@redtape/auth';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Level } from 'pino';
import { LOG_LEVELS } from './logging/logger.js';

// From libs/platform/{src,dist}/ up to the repository.
const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Runs each setting's check and gathers every problem before failing, so that one failed start
 * lists everything there is to fix, one line per variable.
 */
export function settingsReader(): { read<T>(check: () => T): T; finish(): void } {
  const problems: string[] = [];
  return {
    read<T>(check: () => T): T {
      try {
        return check();
      } catch (error) {
        if (!(error instanceof ConfigurationError)) throw error;
        problems.push(...error.problems);
        return undefined as T;
      }
    },
    finish() {
      if (problems.length > 0) throw new ConfigurationError(problems);
    },
  };
}

export function portSetting(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  allowZero = false,
): number {
  const value = env[name];
  if (!value) return fallback;
  const port = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  const lowest = allowZero ? 0 : 1;
  if (!(port >= lowest && port <= 65535))
    throw new ConfigurationError(`${name} must be a port number from ${lowest} to 65535, got "${value}"`);
  return port;
}

export function logLevelSetting(env: NodeJS.ProcessEnv): Level {
  const value = env['LOG_LEVEL'];
  if (!value) return 'info';
  const level = LOG_LEVELS.find((known) => known === value);
  if (level === undefined)
    throw new ConfigurationError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  return level;
}

/** REDTAPE_DATA_DIR, or `data/` at the top of the repository whatever the working directory. */
export function dataDirSetting(env: NodeJS.ProcessEnv): string {
  return resolve(env['REDTAPE_DATA_DIR'] || resolve(REPOSITORY_ROOT, 'data'));
}
