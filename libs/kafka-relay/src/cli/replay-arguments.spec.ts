import { describe, expect, it } from '@jest/globals';
import { progressLine } from './progress-bar.js';
import { UsageError, parseReplayArguments } from './replay-arguments.js';

describe('parseReplayArguments', () => {
  it('reads the contract, brokers, start position and batch size', () => {
    expect(
      parseReplayArguments(
        [
          '--contract',
          'c.ts',
          '--brokers',
          '127.0.0.1:9092,kafka-2:9093',
          '--from',
          '1200',
          '--batch-size',
          '50',
        ],
        {},
      ),
    ).toEqual({
      kind: 'replay',
      contract: 'c.ts',
      brokers: ['127.0.0.1:9092', 'kafka-2:9093'],
      events: undefined,
      from: 1200n,
      clientId: 'redtape-replay',
      batchSize: 50,
    });
  });

  it('takes the brokers from KAFKA_BROKERS when not given', () => {
    const command = parseReplayArguments(['--contract', 'c.ts'], { KAFKA_BROKERS: '127.0.0.1:9092' });
    expect(command).toMatchObject({ brokers: ['127.0.0.1:9092'], from: undefined });
  });

  it.each([
    [['--events', 'data/events.db'], {}, { kind: 'sqlite', file: 'data/events.db' }],
    [
      ['--events', 'postgres://u@db:5432/redtape'],
      {},
      { kind: 'postgres', url: 'postgres://u@db:5432/redtape' },
    ],
    [
      ['--events', 'kurrentdb://db:2113?tls=false'],
      {},
      { kind: 'kurrentdb', url: 'kurrentdb://db:2113?tls=false' },
    ],
    [
      [],
      { EVENT_STORE: 'postgres', DATABASE_URL: 'postgresql://db/r' },
      { kind: 'postgres', url: 'postgresql://db/r' },
    ],
    [
      [],
      { EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'esdb://db:2113' },
      { kind: 'kurrentdb', url: 'esdb://db:2113' },
    ],
    [[], { EVENT_STORE: 'sqlite' }, undefined],
  ])('opens the event store %j names, or the one the services are set to (%j)', (args, env, store) => {
    const command = parseReplayArguments(['--contract', 'c.ts', '--brokers', 'h:1', ...args], env);
    expect(command).toMatchObject({ kind: 'replay', events: store });
  });

  it('refuses an event-store setting it cannot follow', () => {
    const args = ['--contract', 'c.ts', '--brokers', 'h:1'];
    expect(() => parseReplayArguments(args, { EVENT_STORE: 'postgres' })).toThrow(/needs DATABASE_URL/);
    expect(() => parseReplayArguments(args, { EVENT_STORE: 'mongo' })).toThrow(/EVENT_STORE must be/);
  });

  it('says what is wrong with the command line', () => {
    const cases: [string[], RegExp][] = [
      [['--brokers', '127.0.0.1:9092'], /--contract is required/],
      [['--contract', 'c.ts'], /--brokers is required/],
      [['--contract', 'c.ts', '--brokers', 'nohost'], /host:port pairs, got "nohost"/],
      [['--contract', 'c.ts', '--brokers', 'h:1', '--from', '12a'], /--from must be a global position/],
      [['--contract', 'c.ts', '--brokers', 'h:1', '--batch-size', '0'], /--batch-size must be a positive/],
      [['--contract', 'c.ts', '--wat'], /Unknown option '--wat'/],
    ];
    for (const [args, message] of cases) {
      expect(() => parseReplayArguments(args, {})).toThrow(UsageError);
      expect(() => parseReplayArguments(args, {})).toThrow(message);
    }
  });
});

describe('progressLine', () => {
  it('draws how far the replay has come', () => {
    expect(progressLine({ published: 40, position: 50n, from: 1n, until: 100n, fraction: 0.5 }, 10)).toBe(
      '[#####-----]  50%  40 events  position 50 of 100',
    );
  });
});
