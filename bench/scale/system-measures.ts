/**
 * Measures of a running system, from outside: the read models' bytes per event (per file and per
 * table, through SQLite's dbstat), the whole system's CPU while idle, and a burst of appends while
 * every service's /health is polled.
 */
import { collect, openEventStore, type EventStore, type EventStoreConnection } from '@redtape/event-store';
import { procedureDecider, procedureStream, type ProcedureCommand } from '@redtape/procedures-domain';
import { AUTHORITY_STREAM_PREFIX, type AuthorityEstablishedData } from '@redtape/regions-domain';
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { monotonicMs } from '../clock.js';
import { spreadOf, type Spread } from '../statistics.js';
import { procedureVisible } from './gateway-probes.js';
import { DomainWriter } from './history/domain-writer.js';
import { schemaSizes } from './history/postgres-history.js';
import { Random } from './history/random.js';
import { processCpuSeconds, processMemory, probeHealth, type System } from './system.js';

export interface FileSize {
  readonly file: string;
  readonly bytes: number;
  readonly bytesPerEvent: number;
  /** Bytes of each table and index, from dbstat, largest first. */
  readonly tables: readonly { readonly name: string; readonly bytes: number }[];
}

function fileBytes(file: string): number {
  return [file, `${file}-wal`].reduce((sum, part) => sum + (existsSync(part) ? statSync(part).size : 0), 0);
}

export async function postgresSchemaSize(url: string, schema: string, events: number): Promise<FileSize> {
  const tables = await schemaSizes(url, schema);
  const bytes = tables.reduce((sum, table) => sum + table.bytes, 0);
  return { file: `schema ${schema}`, bytes, bytesPerEvent: bytes / events, tables };
}

export function sqliteFileSize(file: string, events: number): FileSize {
  const bytes = fileBytes(file);
  let tables: { name: string; bytes: number }[] = [];
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      tables = db
        .prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC')
        .all() as { name: string; bytes: number }[];
    } finally {
      db.close();
    }
  } catch {
    // A build of SQLite without dbstat: the file size alone.
  }
  return { file, bytes, bytesPerEvent: bytes / events, tables };
}

export interface IdleCpu {
  readonly seconds: number;
  /** Percent of one core, per process and for the whole system. */
  readonly percentOfOneCore: Record<string, number>;
  readonly total: number;
  readonly rssMb: Record<string, number>;
}

export async function measureIdleCpu(system: System, seconds: number): Promise<IdleCpu> {
  const before = new Map(system.services.map((s) => [s.name, processCpuSeconds(s.child.pid!) ?? 0]));
  const began = monotonicMs();
  await sleep(seconds * 1000);
  const wall = (monotonicMs() - began) / 1000;
  const percentOfOneCore: Record<string, number> = {};
  const rssMb: Record<string, number> = {};
  for (const service of system.services) {
    const used = (processCpuSeconds(service.child.pid!) ?? 0) - before.get(service.name)!;
    percentOfOneCore[service.name] = (100 * used) / wall;
    rssMb[service.name] = processMemory(service.child.pid!)?.rssMb ?? NaN;
  }
  const total = Object.values(percentOfOneCore).reduce((sum, value) => sum + value, 0);
  return { seconds: wall, percentOfOneCore, total, rssMb };
}

export interface BurstResult {
  readonly events: number;
  readonly appends: number;
  readonly appendSeconds: number;
  /** From the first append until the last burst procedure is visible through the gateway; null if not within the limit. */
  readonly absorbedAfterS: number | null;
  /** Latency of /health per service while the burst was appended and absorbed (a timeout counts as its limit). */
  readonly health: Record<string, Spread & { readonly probes: number; readonly failures: number }>;
}

const HEALTH_EVERY_MS = 50;
const HEALTH_TIMEOUT_MS = 5000;

/** Polls a service's /health every 50 ms until stopped; latencies in ms. */
function pollHealth(port: number) {
  const latencies: number[] = [];
  let failures = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      const started = monotonicMs();
      const probe = await probeHealth(port, HEALTH_TIMEOUT_MS);
      latencies.push(probe.ms);
      if (!probe.ok) failures += 1;
      const rest = HEALTH_EVERY_MS - (monotonicMs() - started);
      if (rest > 0) await sleep(rest);
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return { ...spreadOf(latencies.length > 0 ? latencies : [NaN]), probes: latencies.length, failures };
    },
  };
}

async function authoritiesOf(store: EventStore): Promise<AuthorityEstablishedData[]> {
  const events = await collect(store.readAll({ filter: { streamPrefixes: [AUTHORITY_STREAM_PREFIX] } }));
  return events
    .map((event) => event.data as unknown as AuthorityEstablishedData)
    .filter((a) => a.unitId !== 'city/tokmok');
}

/**
 * Appends `events` procedure events in appends of `perAppend`: each append registers a procedure and
 * changes its decision time (perAppend − 1) times, decided by the procedure decider, as a batch
 * import would. Resolves with the id of the last procedure and the counts.
 */
export async function appendProcedureBatches(
  store: EventStore,
  options: { events: number; perAppend: number; seed: string; label: string },
): Promise<{ events: number; appends: number; lastProcedure: string }> {
  const writer = new DomainWriter(store);
  const random = new Random(`${options.label}:${options.seed}`);
  const authorities = await authoritiesOf(store);
  let lastProcedure = '';
  while (writer.appendedEvents < options.events) {
    const authority = random.pick(authorities);
    const actor = {
      id: `burst-staff.${authority.authorityId}`,
      role: 'official' as const,
      unitId: authority.unitId,
    };
    const procedureId = `burst-${random.uuid()}`;
    const metadata = (i: number) => ({
      commandId: `burst-${procedureId}-${i}`,
      actor,
      now: new Date(),
      reason: 'scale bench burst',
    });
    const commands: ProcedureCommand[] = [
      {
        type: 'RegisterProcedure',
        data: {
          procedureId,
          authorityId: authority.authorityId,
          unitId: authority.unitId,
          level: authority.level,
          title: 'Permit imported in a burst',
          category: 'trade',
          requirements: [
            { requirementId: 'application', name: 'Application form', originals: 1, copies: 0, note: null },
          ],
          steps: [{ stepId: 'submit', description: 'Submit the application', office: null }],
          decisionDays: 30,
          fee: null,
          legalBasis: null,
        },
        metadata: metadata(0),
      },
      ...Array.from({ length: options.perAppend - 1 }, (_, i): ProcedureCommand => ({
        type: 'ChangeDecisionTime',
        data: { days: 29 - i },
        metadata: metadata(i + 1),
      })),
    ];
    await writer.handleBatch(procedureDecider, procedureStream(procedureId), commands);
    writer.forget(procedureStream(procedureId));
    lastProcedure = procedureId;
  }
  return { events: writer.appendedEvents, appends: writer.appends, lastProcedure };
}

/**
 * A burst (see `appendProcedureBatches`) while every service's /health is polled every 50 ms; waits
 * until the last procedure shows through the gateway, or `timeoutS`.
 */
export async function measureBurst(
  system: System,
  eventStore: EventStoreConnection,
  options: { events: number; perAppend: number; timeoutS: number; seed: string },
): Promise<BurstResult> {
  const store = await openEventStore(eventStore);
  const pollers = system.services.map((service) => ({
    name: service.name,
    poller: pollHealth(service.port),
  }));
  const began = monotonicMs();
  try {
    const appended = await appendProcedureBatches(store, { ...options, label: 'burst' });
    const appendSeconds = (monotonicMs() - began) / 1000;
    let absorbedAfterS: number | null = null;
    while ((monotonicMs() - began) / 1000 < options.timeoutS) {
      if (await procedureVisible(system.gatewayUrl, appended.lastProcedure)) {
        absorbedAfterS = (monotonicMs() - began) / 1000;
        break;
      }
      await sleep(250);
    }
    const health: BurstResult['health'] = {};
    for (const { name, poller } of pollers) health[name] = await poller.stop();
    return { events: appended.events, appends: appended.appends, appendSeconds, absorbedAfterS, health };
  } finally {
    for (const { poller } of pollers) await poller.stop();
    await store.close();
  }
}
