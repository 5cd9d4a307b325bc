/**
 * The command lines of `npm run bench:scale` and `npm run bench:history`, read with Node's own
 * `util.parseArgs`: no dependency for a dozen flags, strict about unknown ones and about values, and
 * typed enough once wrapped here.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../paths.js';

export const MEASURES = [
  'limits',
  'catchup',
  'size',
  'queries',
  'mutations',
  'group-commit',
  'restart',
  'idle',
  'resume',
  'burst',
] as const;
export type Measure = (typeof MEASURES)[number];

/** Measures that need the services running on the history. */
export const SYSTEM_MEASURES: readonly Measure[] = [
  'resume',
  'catchup',
  'size',
  'queries',
  'mutations',
  'restart',
  'idle',
  'burst',
];
/** Measures that are also taken on the reference history, as the baseline of their ratio. */
export const REFERENCE_MEASURES: readonly Measure[] = [
  'catchup',
  'size',
  'queries',
  'mutations',
  'restart',
  'idle',
];

export interface HistoryOptions {
  readonly events: number;
  readonly seed: string;
  readonly cacheDir: string;
  readonly scratchDir?: string;
}

export interface ScaleOptions extends HistoryOptions {
  readonly store: 'sqlite' | 'postgres';
  readonly referenceEvents: number;
  readonly measures: ReadonlySet<Measure>;
  readonly catchUpTimeoutS: number;
  readonly workDir: string;
  readonly basePort: number;
  readonly samples: number;
  readonly burstEvents: number;
  readonly burstTimeoutS: number;
  /** Events appended while the system is stopped, for the resume measure; undefined: a fifth of the history. */
  readonly resumeEvents: number | undefined;
  readonly cpuProfile: readonly string[];
  readonly keep: boolean;
}

/** `1000000`, `1_000_000`, `1,000,000`, `100k`, `1m`, `1e6`. */
export function parseCount(name: string, text: string): number {
  const plain = text.trim().toLowerCase().replace(/[_,]/g, '');
  const match = /^(\d+(?:\.\d+)?(?:e\d+)?)([km]?)$/.exec(plain);
  const value = match ? Number(match[1]) * (match[2] === 'k' ? 1e3 : match[2] === 'm' ? 1e6 : 1) : NaN;
  if (!Number.isSafeInteger(value) || value <= 0)
    throw new Error(`--${name} takes a whole number > 0, not "${text}"`);
  return value;
}

function parseMeasures(name: string, text: string): Measure[] {
  const names = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (const measure of names)
    if (!MEASURES.includes(measure as Measure))
      throw new Error(`--${name}: unknown measure "${measure}" (known: ${MEASURES.join(', ')})`);
  return names as Measure[];
}

const HISTORY_FLAGS = {
  events: { type: 'string' },
  seed: { type: 'string', default: 'redtape' },
  'cache-dir': { type: 'string' },
  'scratch-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const SKIP_FLAGS = Object.fromEntries(
  MEASURES.map((measure) => [`skip-${measure}`, { type: 'boolean', default: false }]),
) as Record<`skip-${Measure}`, { type: 'boolean'; default: false }>;

export const SCALE_USAGE = `npm run bench:scale -- --events N [options]

  --events N              history size (1000000, 1_000_000, 100k, 1m)
  --store sqlite|postgres event store and read models (postgres: DATABASE_URL or a throwaway cluster)
  --seed S                history seed (default redtape)
  --reference-events N    the small history every ratio is taken against (default 10000)
  --only a,b              measure only these: ${MEASURES.join(', ')}
  --skip-<measure>        leave one out (e.g. --skip-mutations)
  --catch-up-timeout S    give up waiting for a catch-up after S seconds, keep the rate so far (default 600)
  --samples N             requests per query or mutation measure (default 40)
  --burst-events N        events appended in the burst (default 20000)
  --resume-events N       appended while the system is stopped, then caught up live (default: a fifth of --events)
  --burst-timeout S       wait at most S seconds for the burst to show through the gateway (default 180)
  --cpu-prof svc,…        run these services under node --cpu-prof (profiles in the run folder)
  --cache-dir DIR         generated histories (default tmp/bench-scale/cache)
  --work-dir DIR          copies of the stores the services run on (default tmp/bench-scale/runs)
  --scratch-dir DIR       where a history is generated before it is cached (default /dev/shm)
  --base-port P           ports: P to P+3 for the services, P+90 for a PostgreSQL cluster of the bench's own (default 5200)
  --keep                  keep the run folder (data, logs, profiles)`;

export const HISTORY_USAGE = `npm run bench:history -- --events N [--seed S] [--cache-dir DIR] [--scratch-dir DIR]`;

function historyOptions(values: {
  events?: string;
  seed: string;
  'cache-dir'?: string;
  'scratch-dir'?: string;
}): HistoryOptions {
  if (values.events === undefined) throw new Error('--events is required');
  return {
    events: parseCount('events', values.events),
    seed: values.seed,
    cacheDir: values['cache-dir'] ?? join(repoRoot, 'tmp', 'bench-scale', 'cache'),
    ...(values['scratch-dir'] ? { scratchDir: values['scratch-dir'] } : {}),
  };
}

export function parseHistoryArguments(args: readonly string[]): HistoryOptions & { help: boolean } {
  const { values } = parseArgs({
    args: [...args],
    options: HISTORY_FLAGS,
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { help: true, events: 0, seed: values.seed, cacheDir: '' };
  return { ...historyOptions(values), help: false };
}

export function parseScaleArguments(args: readonly string[]): ScaleOptions & { help: boolean } {
  const { values } = parseArgs({
    args: [...args],
    options: {
      ...HISTORY_FLAGS,
      ...SKIP_FLAGS,
      store: { type: 'string', default: 'sqlite' },
      'reference-events': { type: 'string', default: '10000' },
      only: { type: 'string' },
      'catch-up-timeout': { type: 'string', default: '600' },
      samples: { type: 'string', default: '40' },
      'burst-events': { type: 'string', default: '20000' },
      'burst-timeout': { type: 'string', default: '180' },
      'resume-events': { type: 'string' },
      'cpu-prof': { type: 'string', default: '' },
      'work-dir': { type: 'string' },
      'base-port': { type: 'string', default: '5200' },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { help: true, ...({} as ScaleOptions) };
  const store = values.store;
  if (store !== 'sqlite' && store !== 'postgres')
    throw new Error(`--store is sqlite or postgres, not "${store}"`);
  const chosen = values.only === undefined ? [...MEASURES] : parseMeasures('only', values.only);
  const skipped = MEASURES.filter((measure) => values[`skip-${measure}`]);
  const measures = new Set(chosen.filter((measure) => !skipped.includes(measure)));
  if (measures.size === 0) throw new Error('every measure is skipped: nothing to do');
  const basePort = parseCount('base-port', values['base-port']);
  if (basePort + 90 > 65535) throw new Error(`--base-port ${basePort} leaves no room for 10 ports`);
  return {
    ...historyOptions(values),
    help: false,
    store,
    referenceEvents: parseCount('reference-events', values['reference-events']),
    measures,
    catchUpTimeoutS: parseCount('catch-up-timeout', values['catch-up-timeout']),
    workDir: values['work-dir'] ?? join(repoRoot, 'tmp', 'bench-scale', 'runs'),
    basePort,
    samples: parseCount('samples', values.samples),
    burstEvents: parseCount('burst-events', values['burst-events']),
    burstTimeoutS: parseCount('burst-timeout', values['burst-timeout']),
    resumeEvents:
      values['resume-events'] === undefined
        ? undefined
        : parseCount('resume-events', values['resume-events']),
    cpuProfile: values['cpu-prof']
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
    keep: values.keep,
  };
}
