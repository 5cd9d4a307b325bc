/**
 * `npm run bench:scale -- --events N`: builds (or reuses) a realistic history of N events through the
 * domain, and a small reference history (10k) from the same seed, then measures on copies of them, with
 * the services started as `npm start` starts them and watched from outside: catch-up from zero per
 * projection against raw `readAll` of the same store, memory, read-model bytes per event, queries and
 * a mutation through the gateway against the same on the reference history, restart, idle CPU, a
 * burst, group commit, and the physical limits (fsync/s, raw inserts, raw reads). Prints markdown
 * tables and writes every figure to reports/bench/. Reports; asserts nothing. `--help` for the flags.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readWholeLog } from '../adapter-workloads.js';
import { describeEnvironment, type Environment } from '../environment.js';
import { writeReport } from '../report-file.js';
import { throughput, type Throughput } from '../results.js';
import { measureRounds } from '../rounds.js';
import { openEventStore, type EventStoreConnection } from '@redtape/event-store';
import {
  REFERENCE_MEASURES,
  SCALE_USAGE,
  SYSTEM_MEASURES,
  parseScaleArguments,
  type Measure,
  type ScaleOptions,
} from './arguments.js';
import { measureMutations, measureQueries, type LatencyMeasure, type QueryName } from './gateway-probes.js';
import { cachedHistory } from './history/cache.js';
import type { HistoryManifest } from './history/generator.js';
import {
  cachedPostgresHistory,
  copyPostgresHistory,
  postgresServerFor,
  type PostgresServer,
} from './history/postgres-history.js';
import { eventsProgressBar } from './history/progress-bar.js';
import {
  measurePhysicalLimits,
  measurePostgresLimits,
  timed,
  type GroupCommit,
  type PhysicalLimits,
} from './physical-limits.js';
import { scaleTables } from './scale-tables.js';
import { System, type Backend, type ServiceStart } from './system.js';
import {
  appendProcedureBatches,
  measureBurst,
  measureIdleCpu,
  postgresSchemaSize,
  sqliteFileSize,
  type BurstResult,
  type FileSize,
  type IdleCpu,
} from './system-measures.js';

export interface HistoryRun {
  readonly label: 'reference' | 'target';
  readonly events: number;
  readonly history: HistoryManifest & { readonly reused: boolean; readonly location: string };
  readonly copySeconds: number;
  readonly rawReadAll: Throughput;
  readonly catchUp?: {
    readonly services: readonly ServiceStart[];
    readonly caughtUp: boolean;
    readonly seconds: number;
  };
  readonly sizes?: { readonly eventStore: FileSize; readonly readModels: Record<string, FileSize> };
  readonly queries?: Record<QueryName, LatencyMeasure>;
  readonly mutation?: LatencyMeasure;
  readonly restart?: {
    readonly stopSeconds: number;
    readonly killed: readonly string[];
    readonly seconds: number;
    readonly services: readonly ServiceStart[];
  };
  readonly idle?: IdleCpu;
  /** Events appended while the system was stopped, then caught up through the live subscriptions. */
  readonly resume?: {
    readonly events: number;
    readonly appends: number;
    readonly appendSeconds: number;
    readonly seconds: number;
    readonly caughtUp: boolean;
    readonly services: readonly ServiceStart[];
  };
  readonly burst?: BurstResult;
  readonly notes: string[];
}

export interface ScaleResults {
  readonly environment: Environment;
  readonly options: Omit<ScaleOptions, 'measures'> & { readonly measures: Measure[] };
  readonly limits?: PhysicalLimits;
  readonly groupCommit?: GroupCommit;
  readonly runs: { readonly reference?: HistoryRun; readonly target: HistoryRun };
  readonly benchSeconds: Record<string, number>;
}

const IDLE_SECONDS = 10;

/** A generated history, cached: a SQLite file, or a database on a PostgreSQL server. */
type HistorySource =
  | {
      readonly kind: 'sqlite';
      readonly file: string;
      readonly manifest: HistoryManifest;
      readonly reused: boolean;
    }
  | {
      readonly kind: 'postgres';
      readonly server: PostgresServer;
      readonly database: string;
      readonly manifest: HistoryManifest;
      readonly reused: boolean;
    };

/** A copy of a history the services run on. */
interface PreparedCopy {
  readonly backend: Backend;
  readonly eventStore: EventStoreConnection;
  sizes(services: readonly string[], events: number): Promise<NonNullable<HistoryRun['sizes']>>;
  dispose(): Promise<void>;
}

async function historyFor(
  options: ScaleOptions,
  events: number,
  server?: PostgresServer,
): Promise<HistorySource> {
  const bar = eventsProgressBar(`history ${events.toLocaleString('en-US')}`, events);
  try {
    if (server) {
      const history = await cachedPostgresHistory(server, { events, seed: options.seed }, (n) =>
        bar.update(n),
      );
      return { kind: 'postgres', server, ...history };
    }
    const history = await cachedHistory({ ...options, events }, (written) => bar.update(written));
    return { kind: 'sqlite', ...history };
  } finally {
    bar.stop();
  }
}

async function prepareCopy(source: HistorySource, dataDir: string): Promise<PreparedCopy> {
  if (source.kind === 'sqlite') {
    const file = join(dataDir, 'events.db');
    copyFileSync(source.file, file);
    return {
      backend: { kind: 'sqlite' },
      eventStore: { kind: 'sqlite', file },
      async sizes(services, events) {
        return {
          eventStore: sqliteFileSize(file, events),
          readModels: Object.fromEntries(
            services.map((name) => [name, sqliteFileSize(join(dataDir, `${name}.read-models.db`), events)]),
          ),
        };
      },
      dispose: async () => undefined,
    };
  }
  const copy = await copyPostgresHistory(source.server, source);
  return {
    backend: { kind: 'postgres', url: copy.url },
    eventStore: { kind: 'postgres', url: copy.url },
    async sizes(services, events) {
      const readModels: Record<string, FileSize> = {};
      for (const name of services) readModels[name] = await postgresSchemaSize(copy.url, name, events);
      return { eventStore: await postgresSchemaSize(copy.url, 'event_store', events), readModels };
    },
    dispose: () => copy.drop(),
  };
}

async function rawReadRate(connection: EventStoreConnection): Promise<Throughput> {
  const store = await openEventStore(connection);
  try {
    const rates = await measureRounds({ read: readWholeLog(store) }, { warmUpMs: 0, rounds: 3, roundMs: 1 });
    return throughput('events/s', rates.read);
  } finally {
    await store.close();
  }
}

function wants(options: ScaleOptions, measure: Measure): boolean {
  return options.measures.has(measure);
}

async function measureHistory(
  label: HistoryRun['label'],
  cached: HistorySource,
  options: ScaleOptions,
  runDir: string,
): Promise<HistoryRun> {
  const folder = join(runDir, label);
  const dataDir = join(folder, 'data');
  mkdirSync(dataDir, { recursive: true });
  const copy = await timed(() => prepareCopy(cached, dataDir));
  const prepared = copy.value;
  const events = cached.manifest.events;
  const notes: string[] = [];
  const base = {
    label,
    events,
    history: {
      ...cached.manifest,
      reused: cached.reused,
      location: cached.kind === 'sqlite' ? cached.file : cached.database,
    },
    copySeconds: copy.seconds,
    notes,
  };
  console.log(`[${label}] raw readAll of ${events.toLocaleString('en-US')} events…`);
  const rawReadAll = await rawReadRate(prepared.eventStore);
  const measures = label === 'target' ? SYSTEM_MEASURES : REFERENCE_MEASURES;
  if (!measures.some((measure) => wants(options, measure))) {
    await prepared.dispose();
    return { ...base, rawReadAll };
  }

  const system = new System({
    backend: prepared.backend,
    dataDir,
    logDir: join(folder, 'logs'),
    basePort: options.basePort,
    cpuProfile: label === 'target' ? options.cpuProfile : [],
  });
  const result: { -readonly [K in keyof HistoryRun]?: HistoryRun[K] } = { ...base, rawReadAll };
  try {
    console.log(
      `[${label}] starting the services on fresh read models (catch-up from zero, limit ${options.catchUpTimeoutS} s each)…`,
    );
    const start = await timed(() =>
      system.start(options.catchUpTimeoutS, 'catchup', BigInt(cached.manifest.headPosition)),
    );
    const caughtUp = start.value.length === 4 && start.value.every((service) => service.caughtUp);
    result.catchUp = { services: start.value, caughtUp, seconds: start.seconds };
    if (!caughtUp) {
      notes.push(
        `not caught up within ${options.catchUpTimeoutS} s: the measures that need a running system were skipped`,
      );
      return result as HistoryRun;
    }
    result.sizes = await prepared.sizes(
      system.services.filter((service) => service.readModels).map((service) => service.name),
      events,
    );
    if (wants(options, 'queries')) {
      console.log(`[${label}] queries through the gateway…`);
      result.queries = await measureQueries(system.gatewayUrl, cached.manifest, options.samples);
    }
    if (wants(options, 'mutations')) {
      console.log(`[${label}] mutations through the gateway…`);
      result.mutation = await measureMutations(system.gatewayUrl, cached.manifest, options.samples);
    }
    if (wants(options, 'restart')) {
      console.log(`[${label}] restart on the caught-up store…`);
      const stopped = await system.stop();
      const restart = await timed(() =>
        system.start(options.catchUpTimeoutS, 'restart', BigInt(cached.manifest.headPosition)),
      );
      result.restart = {
        stopSeconds: stopped.seconds,
        killed: stopped.killed,
        seconds: restart.seconds,
        services: restart.value,
      };
      if (!restart.value.every((service) => service.caughtUp) || restart.value.length < 4) {
        notes.push('the restart did not become healthy: idle and burst skipped');
        return result as HistoryRun;
      }
    }
    if (wants(options, 'idle')) {
      console.log(`[${label}] idle CPU over ${IDLE_SECONDS} s…`);
      result.idle = await measureIdleCpu(system, IDLE_SECONDS);
    }
    if (label === 'target' && wants(options, 'resume')) {
      const behind = options.resumeEvents ?? Math.max(1000, Math.round(events / 5));
      console.log(
        `[${label}] resume: ${behind.toLocaleString('en-US')} events appended while stopped, then caught up live…`,
      );
      await system.stop();
      const store = await openEventStore(prepared.eventStore);
      let appended;
      let head;
      try {
        appended = await timed(() =>
          appendProcedureBatches(store, {
            events: behind,
            perAppend: 5,
            seed: options.seed,
            label: 'resume',
          }),
        );
        head = (await store.headPosition()) ?? 0n;
      } finally {
        await store.close();
      }
      const resumed = await timed(() => system.start(options.catchUpTimeoutS, 'resume', head));
      const caughtUp = resumed.value.length === 4 && resumed.value.every((service) => service.caughtUp);
      result.resume = {
        events: appended.value.events,
        appends: appended.value.appends,
        appendSeconds: appended.seconds,
        seconds: resumed.seconds,
        caughtUp,
        services: resumed.value,
      };
      if (!caughtUp) {
        notes.push(`the resume did not catch up within ${options.catchUpTimeoutS} s: burst skipped`);
        return result as HistoryRun;
      }
    }
    if (label === 'target' && wants(options, 'burst')) {
      console.log(`[${label}] burst of ${options.burstEvents.toLocaleString('en-US')} events…`);
      result.burst = await measureBurst(system, prepared.eventStore, {
        events: options.burstEvents,
        perAppend: 5,
        timeoutS: options.burstTimeoutS,
        seed: options.seed,
      });
    }
    return result as HistoryRun;
  } finally {
    const stopped = await system.stop();
    if (stopped.killed.length > 0) notes.push(`SIGKILL needed at the end for: ${stopped.killed.join(', ')}`);
    await prepared.dispose();
  }
}

async function run(options: ScaleOptions, startedAt: Date): Promise<ScaleResults> {
  mkdirSync(options.workDir, { recursive: true });
  const runDir = mkdtempSync(join(resolve(options.workDir), 'run-'));
  const benchSeconds: Record<string, number> = {};
  const began = performance.now();
  const lap = (name: string, since: number) => (benchSeconds[name] = (performance.now() - since) / 1000);
  try {
    const environment = describeEnvironment(runDir, startedAt);
    console.log(
      `Scale bench: ${options.events.toLocaleString('en-US')} events against ${options.referenceEvents.toLocaleString('en-US')}, in ${runDir} (${environment.fileSystem})`,
    );
    const server =
      options.store === 'postgres'
        ? await postgresServerFor(options.cacheDir, options.basePort + 90)
        : undefined;
    try {
      let since = performance.now();
      const target = await historyFor(options, options.events, server);
      lap(target.reused ? 'historyReused' : 'historyGenerated', since);
      const needsReference =
        options.referenceEvents !== options.events &&
        REFERENCE_MEASURES.some((measure) => wants(options, measure));
      since = performance.now();
      const reference = needsReference
        ? await historyFor(options, options.referenceEvents, server)
        : undefined;
      lap('referenceHistory', since);

      let limits: PhysicalLimits | undefined;
      let groupCommit: GroupCommit | undefined;
      if (wants(options, 'limits') || wants(options, 'group-commit')) {
        console.log('Physical limits and group commit, on a copy of the history…');
        since = performance.now();
        const folder = join(runDir, 'limits');
        mkdirSync(folder, { recursive: true });
        if (target.kind === 'sqlite') {
          copyFileSync(target.file, join(folder, 'events.db'));
          ({ limits, groupCommit } = await measurePhysicalLimits(folder, join(folder, 'events.db')));
        } else {
          const copy = await copyPostgresHistory(target.server, target);
          try {
            ({ limits, groupCommit } = await measurePostgresLimits(folder, copy.url));
          } finally {
            await copy.drop();
          }
        }
        rmSync(folder, { recursive: true, force: true });
        lap('limits', since);
      }
      since = performance.now();
      const referenceRun = reference
        ? await measureHistory('reference', reference, options, runDir)
        : undefined;
      lap('reference', since);
      since = performance.now();
      const targetRun = await measureHistory('target', target, options, runDir);
      lap('target', since);
      benchSeconds['total'] = (performance.now() - began) / 1000;
      return {
        environment,
        options: { ...options, measures: [...options.measures] },
        ...(wants(options, 'limits') && limits ? { limits } : {}),
        ...(wants(options, 'group-commit') && groupCommit ? { groupCommit } : {}),
        runs: { ...(referenceRun ? { reference: referenceRun } : {}), target: targetRun },
        benchSeconds,
      };
    } finally {
      await server?.stop();
    }
  } finally {
    if (options.keep) console.log(`Run folder kept: ${runDir}`);
    else rmSync(runDir, { recursive: true, force: true });
  }
}

const options = parseScaleArguments(process.argv.slice(2));
if (options.help) {
  console.log(SCALE_USAGE);
  process.exit(0);
}
const results = await run(options, new Date());
console.log(`\n${scaleTables(results)}\n`);
console.log(`Full results: ${writeReport(`scale-${options.events}`, results)}`);
