import { describe, expect, it } from '@jest/globals';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError, DEFAULT_GROUP_ID, analyticsConfigFromEnv } from './config.js';

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    analyticsConfigFromEnv(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
};

describe('the configuration from the environment', () => {
  it('needs only KAFKA_BROKERS, and puts the database in the data folder', () =>
    expect(
      analyticsConfigFromEnv({ KAFKA_BROKERS: '127.0.0.1:9092', REDTAPE_DATA_DIR: '/srv/redtape' }),
    ).toEqual({
      brokers: ['127.0.0.1:9092'],
      groupId: DEFAULT_GROUP_ID,
      db: resolve('/srv/redtape/analytics.db'),
      logLevel: 'info',
    }));

  it('defaults the database to data/analytics.db at the top of the repository', () =>
    expect(analyticsConfigFromEnv({ KAFKA_BROKERS: 'kafka:9092' }).db).toBe(
      fileURLToPath(new URL('../../../data/analytics.db', import.meta.url)),
    ));

  it('takes every variable it knows', () =>
    expect(
      analyticsConfigFromEnv({
        KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
        ANALYTICS_GROUP_ID: 'analytics.replay-2',
        ANALYTICS_DB: 'data/analytics-replay.db',
        LOG_LEVEL: 'debug',
      }),
    ).toEqual({
      brokers: ['kafka-1:9092', 'kafka-2:9092'],
      groupId: 'analytics.replay-2',
      db: resolve('data/analytics-replay.db'),
      logLevel: 'debug',
    }));

  it('names every bad variable at once, one problem each', () =>
    expect(
      problemsOf({ KAFKA_BROKERS: 'kafka', ANALYTICS_GROUP_ID: 'no spaces please', LOG_LEVEL: 'loud' }),
    ).toEqual([
      'KAFKA_BROKERS must list host:port pairs separated by commas, got "kafka"',
      'ANALYTICS_GROUP_ID must be 1 to 249 letters, digits, dots, underscores or hyphens, got "no spaces please"',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, got "loud"',
    ]));

  it('requires KAFKA_BROKERS', () => {
    expect(problemsOf({})).toEqual([
      'KAFKA_BROKERS is required: comma-separated host:port pairs, e.g. 127.0.0.1:9092',
    ]);
    expect(problemsOf({ KAFKA_BROKERS: '127.0.0.1:99999' })).toHaveLength(1);
  });

  it('refuses a database path of spaces', () =>
    expect(problemsOf({ KAFKA_BROKERS: 'kafka:9092', ANALYTICS_DB: '  ' })).toEqual([
      'ANALYTICS_DB must be a file path, got "  "',
    ]));
});
