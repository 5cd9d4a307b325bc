import { describe, expect, it } from '@jest/globals';
import { MEASURES, parseCount, parseHistoryArguments, parseScaleArguments } from './arguments.js';

describe('the scale bench command line', () => {
  it('reads sizes the way people write them', () => {
    for (const text of ['1000000', '1_000_000', '1,000,000', '1m', '1M', '1e6', '1000k'])
      expect(parseCount('events', text)).toBe(1_000_000);
    expect(parseCount('events', '100k')).toBe(100_000);
    for (const text of ['', 'ten', '-5', '0', '1.5', '10x'])
      expect(() => parseCount('events', text)).toThrow(/--events/);
  });

  it('measures everything on SQLite against 10k by default', () => {
    const options = parseScaleArguments(['--events', '100k']);
    expect(options).toMatchObject({
      events: 100_000,
      store: 'sqlite',
      referenceEvents: 10_000,
      seed: 'redtape',
      catchUpTimeoutS: 600,
      basePort: 5200,
      keep: false,
    });
    expect([...options.measures]).toEqual([...MEASURES]);
  });

  it('narrows the measures with --only and --skip-<measure>', () => {
    expect([...parseScaleArguments(['--events', '10k', '--only', 'catchup,size']).measures]).toEqual([
      'catchup',
      'size',
    ]);
    const skipped = parseScaleArguments(['--events', '10k', '--skip-mutations', '--skip-burst']).measures;
    expect(skipped.has('mutations')).toBe(false);
    expect(skipped.has('burst')).toBe(false);
    expect(skipped.has('queries')).toBe(true);
  });

  it('refuses what it cannot honour', () => {
    expect(() => parseScaleArguments([])).toThrow('--events is required');
    expect(() => parseScaleArguments(['--events', '10k', '--only', 'speed'])).toThrow(
      /unknown measure "speed"/,
    );
    expect(() => parseScaleArguments(['--events', '10k', '--store', 'mysql'])).toThrow(/--store/);
    expect(() => parseScaleArguments(['--events', '10k', '--only', 'idle', '--skip-idle'])).toThrow(
      /nothing to do/,
    );
    expect(() => parseScaleArguments(['--events', '10k', '--colour'])).toThrow();
    expect(
      () => parseScaleArguments(['--events', '10k', '--cpu-prof', 'procedures,gateway']).cpuProfile,
    ).not.toThrow();
  });

  it('reads the history generator’s own command line', () => {
    expect(parseHistoryArguments(['--events', '1m', '--seed', 's2'])).toMatchObject({
      events: 1_000_000,
      seed: 's2',
    });
  });
});
