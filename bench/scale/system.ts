/**
 * The services as `npm start` starts them (the launcher's own list and order, the built `dist/`
 * entry points, one process each), watched from outside only: `/health` over HTTP, the checkpoint
 * tables in each service's read-model file, `/proc/<pid>/status` and `/proc/<pid>/stat`. The launcher
 * itself gives up after 60 s waiting for `/health`; a catch-up on a large history takes longer, so the
 * bench starts the processes itself and waits as long as it is told to.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { SERVICES } from '../../tools/launcher.mjs';
import { monotonicMs } from '../clock.js';
import { repoRoot } from '../paths.js';

export const JWT_SECRET = 'bench-scale-jwt-secret-that-is-long-enough-0123456789';
const GATEWAY_SECRET = 'bench-scale-gateway-secret-that-is-long-enough-0123456789';
const SAMPLE_EVERY_MS = 200;
const EXIT_ON_SIGUSR2 = pathToFileURL(join(repoRoot, 'bench', 'scale', 'exit-on-sigusr2.mjs')).href;
const CLOCK_TICKS_PER_SECOND = 100;

export type Backend = { readonly kind: 'sqlite' } | { readonly kind: 'postgres'; readonly url: string };

export interface SystemSettings {
  readonly backend: Backend;
  readonly dataDir: string;
  readonly logDir: string;
  readonly basePort: number;
  /** Services to run under `node --cpu-prof`, profiles written to `logDir`. */
  readonly cpuProfile: readonly string[];
  readonly extraEnv?: Record<string, string>;
}

export interface ProjectionCatchUp {
  readonly name: string;
  /** Seconds from the service's spawn until its rebuild began (projection_rebuilds.started_at). */
  readonly startedAfterS: number | null;
  /** Seconds from the service's spawn until its checkpoint row appeared; null if it never did. */
  readonly finishedAfterS: number | null;
  /** The log covered: the head for a finished rebuild, else its progress when one is visible. */
  readonly position: string | null;
  /** Log positions per second from its start to its finish (or to the timeout). */
  readonly logEventsPerSecond: number | null;
  readonly caughtUp: boolean;
}

export interface ServiceStart {
  readonly name: string;
  readonly pid: number;
  /** Seconds from spawn to the first 200 from /health; null when it never answered. */
  readonly healthyAfterS: number | null;
  readonly caughtUp: boolean;
  readonly rssAtSpawnEndMb: number | null;
  /** VmRSS when the first rebuild began: the service loaded, before any event was folded. */
  readonly rssBeforeCatchUpMb: number | null;
  readonly peakRssMb: number;
  readonly projections: readonly ProjectionCatchUp[];
}

export interface RunningService {
  readonly name: string;
  readonly port: number;
  readonly child: ChildProcess;
  readonly readModels: ReadModelsLocation | undefined;
}

export interface ProcessSample {
  readonly rssMb: number;
  readonly hwmMb: number;
}

export function processMemory(pid: number): ProcessSample | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) the process has used so far. */
export function processCpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** One GET through node:http; the time it took, or undefined when it failed or timed out. */
export function probeHealth(port: number, timeoutMs = 2000): Promise<{ ok: boolean; ms: number }> {
  const started = monotonicMs();
  return new Promise((resolve) => {
    const request = get(`http://127.0.0.1:${port}/health`, { timeout: timeoutMs }, (response) => {
      response.resume();
      response.on('end', () => resolve({ ok: response.statusCode === 200, ms: monotonicMs() - started }));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve({ ok: false, ms: monotonicMs() - started }));
  });
}

interface CheckpointRow {
  name: string;
  position: string | null;
  updated_at: string;
}

/** Where a service keeps its read models, as the bench reads them from outside. */
export type ReadModelsLocation =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema: string };

/** A service's checkpoint tables read from outside; empty until they exist. */
export interface ReadModelProbe {
  checkpoints(): Promise<Map<string, CheckpointRow>>;
  rebuilds(): Promise<Map<string, { started: number; generation: number }>>;
  rebuildProgress(generation: number): Promise<bigint | undefined>;
  close(): Promise<void>;
}

export function readModelProbe(location: ReadModelsLocation): ReadModelProbe {
  if (location.kind === 'postgres') return new PostgresProbe(location.url, location.schema);
  const reader = new SqliteProbe(location.file);
  return {
    checkpoints: async () => reader.checkpoints(),
    rebuilds: async () => reader.rebuilds(),
    rebuildProgress: async (generation) => reader.rebuildProgress(generation),
    close: async () => reader.close(),
  };
}

class PostgresProbe implements ReadModelProbe {
  private readonly pool: pg.Pool;

  constructor(
    url: string,
    private readonly schema: string,
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: 1 });
    this.pool.on('error', () => undefined);
  }

  private async query<T extends object>(sql: string, params: unknown[] = []): Promise<T[]> {
    try {
      return (await this.pool.query<T>(sql, params)).rows;
    } catch {
      return [];
    }
  }

  async checkpoints(): Promise<Map<string, CheckpointRow>> {
    const rows = await this.query<CheckpointRow>(
      `SELECT name, position::text AS position, updated_at FROM "${this.schema}".projection_checkpoints`,
    );
    return new Map(rows.map((row) => [row.name, row]));
  }

  async rebuilds(): Promise<Map<string, { started: number; generation: number }>> {
    const rows = await this.query<{ name: string; started_at: string; generation: number }>(
      `SELECT name, started_at, generation FROM "${this.schema}".projection_rebuilds`,
    );
    return new Map(
      rows.map((row) => [
        row.name,
        { started: Date.parse(row.started_at), generation: Number(row.generation) },
      ]),
    );
  }

  async rebuildProgress(generation: number): Promise<bigint | undefined> {
    const tables = await this.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = $1 AND column_name = 'position' AND table_name LIKE $2`,
      [this.schema, `%\\_\\_g${generation}`],
    );
    let best: bigint | undefined;
    for (const { table_name: table } of tables) {
      const [row] = await this.query<{ position: string | null }>(
        `SELECT max(position)::text AS position FROM "${this.schema}"."${table}"`,
      );
      if (row?.position && (best === undefined || BigInt(row.position) > best)) best = BigInt(row.position);
    }
    return best;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

class SqliteProbe {
  private db: Database.Database | undefined;

  constructor(private readonly file: string) {}

  private open(): Database.Database | undefined {
    if (this.db) return this.db;
    if (!existsSync(this.file)) return undefined;
    try {
      this.db = new Database(this.file, { readonly: true, fileMustExist: true });
      this.db.pragma('busy_timeout = 100');
      return this.db;
    } catch {
      return undefined;
    }
  }

  checkpoints(): Map<string, CheckpointRow> {
    return new Map(
      this.query<CheckpointRow>(
        'SELECT name, CAST(position AS TEXT) AS position, updated_at FROM projection_checkpoints',
      ).map((row) => [row.name, row]),
    );
  }

  rebuilds(): Map<string, { started: number; generation: number }> {
    return new Map(
      this.query<{ name: string; started_at: string; generation: number }>(
        'SELECT name, started_at, generation FROM projection_rebuilds',
      ).map((row) => [row.name, { started: Date.parse(row.started_at), generation: row.generation }]),
    );
  }

  /**
   * Best effort, for a rebuild still under way: the highest `position` column among the tables of the
   * generation it builds (the audit trail keeps one). Undefined when no such column exists.
   */
  rebuildProgress(generation: number): bigint | undefined {
    const tables = this.query<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%\\_\\_g${generation}' ESCAPE '\\'`,
    );
    let best: bigint | undefined;
    for (const { name } of tables) {
      const columns = this.query<{ name: string }>(`SELECT name FROM pragma_table_info('${name}')`);
      if (!columns.some((column) => column.name === 'position')) continue;
      const [row] = this.query<{ position: string | null }>(
        `SELECT CAST(max(position) AS TEXT) AS position FROM "${name}"`,
      );
      if (row?.position) {
        const position = BigInt(row.position);
        if (best === undefined || position > best) best = position;
      }
    }
    return best;
  }

  private query<T>(sql: string): T[] {
    const db = this.open();
    if (!db) return [];
    try {
      return db.prepare(sql).all() as T[];
    } catch {
      return [];
    }
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
  }
}

export class System {
  readonly services: RunningService[] = [];

  constructor(readonly settings: SystemSettings) {}

  get gatewayUrl(): string {
    return `http://127.0.0.1:${this.portOf('gateway')}/graphql`;
  }

  portOf(name: string): number {
    const index = SERVICES.findIndex((service) => service.name === name);
    return this.settings.basePort + (name === 'gateway' ? 0 : index + 1);
  }

  private env(): NodeJS.ProcessEnv {
    return {
      PATH: process.env['PATH'],
      HOME: process.env['HOME'],
      REDTAPE_DATA_DIR: this.settings.dataDir,
      ...(this.settings.backend.kind === 'postgres'
        ? { EVENT_STORE: 'postgres', READ_MODELS: 'postgres', DATABASE_URL: this.settings.backend.url }
        : { EVENT_STORE: 'sqlite', READ_MODELS: 'sqlite' }),
      REDTAPE_JWT_SECRET: JWT_SECRET,
      REDTAPE_GATEWAY_SECRET: GATEWAY_SECRET,
      LOG_LEVEL: 'warn',
      ...Object.fromEntries(
        SERVICES.map((service) => [service.portVariable, String(this.portOf(service.name))]),
      ),
      ...this.settings.extraEnv,
    };
  }

  /**
   * Starts every service in the launcher's order, each once the one before answers /health, as
   * `npm start` does, watching each one's catch-up; stops at the first that does not answer in time.
   */
  async start(timeoutS: number, label: string, logHead: bigint): Promise<ServiceStart[]> {
    mkdirSync(this.settings.logDir, { recursive: true });
    const starts: ServiceStart[] = [];
    for (const service of SERVICES) {
      const started = await this.startOne(service.name, service.main, timeoutS, label, logHead);
      starts.push(started);
      if (!started.caughtUp) break;
    }
    return starts;
  }

  private async startOne(
    name: string,
    main: string,
    timeoutS: number,
    label: string,
    logHead: bigint,
  ): Promise<ServiceStart> {
    const profile = this.settings.cpuProfile.includes(name)
      ? [
          '--cpu-prof',
          '--cpu-prof-dir',
          join(this.settings.logDir, `cpu-${label}-${name}`),
          '--import',
          EXIT_ON_SIGUSR2,
        ]
      : [];
    const log = createWriteStream(join(this.settings.logDir, `${label}-${name}.log`));
    const spawnedAt = Date.now();
    const began = monotonicMs();
    const child = spawn(process.execPath, [...profile, join(repoRoot, main)], {
      cwd: repoRoot,
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    const backend = this.settings.backend;
    const readModels: ReadModelsLocation | undefined =
      name === 'gateway'
        ? undefined
        : backend.kind === 'postgres'
          ? { kind: 'postgres', url: backend.url, schema: name }
          : { kind: 'sqlite', file: join(this.settings.dataDir, `${name}.read-models.db`) };
    this.services.push({ name, port: this.portOf(name), child, readModels });
    const reader = readModels ? readModelProbe(readModels) : undefined;

    let peakRssMb = 0;
    let rssAtSpawnEndMb: number | null = null;
    let rssBeforeCatchUpMb: number | null = null;
    let healthyAfterS: number | null = null;
    const finished = new Map<string, { afterS: number; position: string | null }>();
    let rebuilds = new Map<string, { started: number; generation: number }>();
    const deadline = began + timeoutS * 1000;
    while (monotonicMs() < deadline && child.exitCode === null) {
      const memory = processMemory(child.pid!);
      if (memory) {
        peakRssMb = Math.max(peakRssMb, memory.hwmMb);
        rssAtSpawnEndMb ??= memory.rssMb;
      }
      if (reader) {
        rebuilds = await reader.rebuilds();
        if (rebuilds.size > 0 && rssBeforeCatchUpMb === null && memory) rssBeforeCatchUpMb = memory.rssMb;
        for (const [projection, row] of await reader.checkpoints())
          if (!finished.has(projection))
            finished.set(projection, { afterS: (monotonicMs() - began) / 1000, position: row.position });
      }
      const health = await probeHealth(this.portOf(name), 1000);
      if (health.ok) {
        healthyAfterS = (monotonicMs() - began) / 1000;
        break;
      }
      await sleep(SAMPLE_EVERY_MS);
    }
    const elapsedS = (monotonicMs() - began) / 1000;
    const projections: ProjectionCatchUp[] = [];
    if (reader) {
      const checkpoints = await reader.checkpoints();
      rebuilds = await reader.rebuilds();
      for (const [projection, rebuild] of rebuilds) {
        const done =
          finished.get(projection) ??
          (checkpoints.has(projection)
            ? { afterS: elapsedS, position: checkpoints.get(projection)!.position }
            : undefined);
        const startedAfterS = Math.max(0, (rebuild.started - spawnedAt) / 1000);
        // A filtered projection's checkpoint stays at its last matching event, yet a rebuild reads the
        // whole log to the head: a finished rebuild covered the log up to the head.
        const position = done
          ? logHead.toString()
          : (reader.rebuildProgress(rebuild.generation)?.toString() ?? null);
        const endS = done?.afterS ?? elapsedS;
        projections.push({
          name: projection,
          startedAfterS,
          finishedAfterS: done?.afterS ?? null,
          position,
          logEventsPerSecond:
            position === null ? null : Number(position) / Math.max(0.001, endS - startedAfterS),
          caughtUp: done !== undefined,
        });
      }
      await reader.close();
    }
    const memory = processMemory(child.pid!);
    if (memory) peakRssMb = Math.max(peakRssMb, memory.hwmMb);
    return {
      name,
      pid: child.pid!,
      healthyAfterS,
      caughtUp: healthyAfterS !== null,
      rssAtSpawnEndMb,
      rssBeforeCatchUpMb,
      peakRssMb,
      projections: projections.sort((a, b) => (a.startedAfterS ?? 0) - (b.startedAfterS ?? 0)),
    };
  }

  /** SIGTERM to each, in reverse order; SIGKILL after `graceS`. Returns seconds until all exited. */
  async stop(graceS = 10): Promise<{ seconds: number; killed: string[] }> {
    const began = monotonicMs();
    const killed: string[] = [];
    await Promise.all(
      [...this.services].reverse().map(async ({ name, child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        // A profiled service exits through process.exit, so that its CPU profile is written.
        child.kill(this.settings.cpuProfile.includes(name) ? 'SIGUSR2' : 'SIGTERM');
        const timer = setTimeout(() => {
          killed.push(name);
          child.kill('SIGKILL');
        }, graceS * 1000);
        await exited;
        clearTimeout(timer);
      }),
    );
    this.services.length = 0;
    return { seconds: (monotonicMs() - began) / 1000, killed };
  }
}
