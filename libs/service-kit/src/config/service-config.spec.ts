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
        eventStore: { kind: 'sqlite', file: join(dataDir, 'events.db') },
        readModels: { kind: 'sqlite', file: join(dataDir, 'regions.read-models.db') },
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

  it('puts events and read models on PostgreSQL, each service in a schema of its own', () =>
    withDataDir((dataDir) => {
      const url = 'postgres://redtape:secret@db.internal:5432/redtape';
      const env = {
        REDTAPE_DATA_DIR: dataDir,
        EVENT_STORE: 'postgres',
        READ_MODELS: 'postgres',
        DATABASE_URL: url,
      };
      expect(serviceConfigFromEnv(env, 'procedures', options)).toMatchObject({
        eventStore: { kind: 'postgres', url },
        readModels: { kind: 'postgres', url, schema: 'procedures' },
      });
    }));

  it('keeps events on KurrentDB while the read models stay in SQLite files', () =>
    withDataDir((dataDir) => {
      const url = 'kurrentdb://kurrentdb.internal:2113?tls=false';
      const env = { REDTAPE_DATA_DIR: dataDir, EVENT_STORE: 'kurrentdb', KURRENTDB_URL: url };
      expect(serviceConfigFromEnv(env, 'regions', options)).toMatchObject({
        eventStore: { kind: 'kurrentdb', url },
        readModels: { kind: 'sqlite', file: join(dataDir, 'regions.read-models.db') },
      });
    }));

  function problemsWith(env: Record<string, string>): string {
    return withDataDir((dataDir) => {
      try {
        serviceConfigFromEnv({ REDTAPE_DATA_DIR: dataDir, ...env }, 'regions', options);
      } catch (error) {
        if (error instanceof ConfigurationError) return error.problems.join('\n');
        throw error;
      }
      throw new Error('the configuration was accepted');
    });
  }

  it.each([
    [{ EVENT_STORE: 'mongo' }, /EVENT_STORE must be one of sqlite, postgres, kurrentdb, got "mongo"/],
    [{ READ_MODELS: 'redis' }, /READ_MODELS must be one of sqlite, postgres, got "redis"/],
    [{ EVENT_STORE: 'postgres' }, /DATABASE_URL must be set when EVENT_STORE=postgres/],
    [{ READ_MODELS: 'postgres' }, /DATABASE_URL must be set when READ_MODELS=postgres/],
    [{ EVENT_STORE: 'kurrentdb' }, /KURRENTDB_URL must be set when EVENT_STORE=kurrentdb/],
    [{ READ_MODELS: 'postgres', DATABASE_URL: 'not a url' }, /DATABASE_URL must be a URL/],
    [
      { READ_MODELS: 'postgres', DATABASE_URL: 'mysql://root:hunter2@db/redtape' },
      /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL with a host, got "mysql:\/\/root:\*\*\*@db\/redtape"/,
    ],
    [
      { EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'http://kurrentdb:2113' },
      /KURRENTDB_URL must be a kurrentdb:\/\//,
    ],
  ])('refuses %j with a message that names the variable', (env, message) => {
    expect(problemsWith(env)).toMatch(message);
  });

  it('never shows a password from a refused connection string', () => {
    expect(
      problemsWith({ READ_MODELS: 'postgres', DATABASE_URL: 'mysql://root:hunter2@db/x' }),
    ).not.toContain('hunter2');
  });
});
