import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '@redtape/auth';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceConfigFromEnv } from './service-config.js';

const options = { portVariable: 'REGIONS_PORT', defaultPort: 4001 };

function withDataDir<T>(use: (dataDir: string) => T): T {
  const dataDir = mkdtempSync(join(tmpdir(), 'redtape-config-'));
  try {
    return use(dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('a service configuration', () => {
  it('defaults to the embedded topology on 127.0.0.1 with files under the data folder', () =>
    withDataDir((dataDir) => {
      const config = serviceConfigFromEnv({ REDTAPE_DATA_DIR: dataDir }, 'regions', options);
      expect(config).toMatchObject({
        host: '127.0.0.1',
        port: 4001,
        production: false,
        eventStoreFile: join(dataDir, 'events.db'),
        readModelFile: join(dataDir, 'regions.read-models.db'),
        logLevel: 'info',
      });
    }));

  it('names every bad variable at once', () =>
    withDataDir((dataDir) => {
      let thrown: unknown;
      try {
        serviceConfigFromEnv(
          {
            REDTAPE_DATA_DIR: dataDir,
            REGIONS_PORT: 'eighty',
            LOG_LEVEL: 'loud',
            EVENT_STORE: 'mongo',
            REDTAPE_JWT_SECRET: 'short',
          },
          'regions',
          options,
        );
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConfigurationError);
      const problems = (thrown as ConfigurationError).problems.join('\n');
      for (const variable of ['REGIONS_PORT', 'LOG_LEVEL', 'EVENT_STORE', 'REDTAPE_JWT_SECRET'])
        expect(problems).toContain(variable);
    }));

  it('requires its secrets in production', () =>
    withDataDir((dataDir) => {
      expect(() =>
        serviceConfigFromEnv({ REDTAPE_DATA_DIR: dataDir, NODE_ENV: 'production' }, 'regions', options),
      ).toThrow(/REDTAPE_JWT_SECRET/);
    }));
});
