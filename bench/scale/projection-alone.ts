/**
 * `node --conditions=@redtape/source --import tsx bench/scale/projection-alone.ts <events.db>
 * [projection…] [--rounds N] [--batch N]
 * [--statements]`: each projection's catch-up from zero, alone, in this process, through
 * its own ProjectionRunner on a fresh read-model file, against raw `readAll` of the same store
 * measured in the same process just before. The in-service figures of `bench:scale` add the other
 * projections of the service and its host; this isolates what one projection costs per event, so
 * that a change to it can be measured in seconds (and profiled with `node --cpu-prof`).
 */
import { openEventStore, type EventStore } from '@redtape/event-store';
import { openSqliteReadModels, ProjectionRunner, type Projection } from '@redtape/projections';
import { auditTrailProjection, proceduresProjection } from '@redtape/procedures-read-model';
import { accountabilityProjection, procedureOwnershipProjection } from '@redtape/accountability-read-model';
import type { LogEvent } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monotonicMs } from '../clock.js';

const PROJECTIONS: Record<string, Projection> = {
  procedures: proceduresProjection,
  'audit-trail': auditTrailProjection,
  accountability: accountabilityProjection,
  'procedure-ownership': procedureOwnershipProjection,
};

/**
 * Events per second of wall time, and per second of this process's CPU time: on a machine shared
 * with other work the second moves much less (the process does not count the time it waited).
 */
interface Rates {
  readonly rate: number;
  readonly cpuRate: number;
}

function clocks() {
  return { wall: monotonicMs(), cpu: process.cpuUsage() };
}

function ratesSince(started: ReturnType<typeof clocks>, events: number): Rates {
  const cpu = process.cpuUsage(started.cpu);
  return {
    rate: events / ((monotonicMs() - started.wall) / 1000),
    cpuRate: events / ((cpu.user + cpu.system) / 1e6),
  };
}

/** The median of three full reads of the log, as `bench:scale` measures raw readAll. */
async function readAll(store: EventStore): Promise<Rates & { events: number }> {
  const rounds: (Rates & { events: number })[] = [];
  for (let round = 0; round < 3; round++) {
    const started = clocks();
    let events = 0;
    for await (const event of store.readAll()) if (event) events += 1;
    rounds.push({ ...ratesSince(started, events), events });
  }
  return rounds.sort((a, b) => a.rate - b.rate)[1]!;
}

/** Log events (all of them, as `bench:scale` counts) per second of catch-up, and the events the projection folded. */
async function catchUpRate(
  store: EventStore,
  projection: Projection,
  logEvents: number,
): Promise<Rates & { events: number }> {
  const folder = mkdtempSync(join(tmpdir(), 'projection-alone-'));
  const db = openSqliteReadModels(join(folder, 'read-models.db'), statements ? { log: tally } : {});
  try {
    let events = 0;
    for await (const event of store.readAll(projection.filter ? { filter: projection.filter } : {}))
      if (event) events += 1;
    const runner = new ProjectionRunner({ store, db, projection, ...(batchSize ? { batchSize } : {}) });
    const started = clocks();
    await runner.start();
    await runner.caughtUp;
    const rates = ratesSince(started, logEvents);
    await runner.stop();
    return { ...rates, events };
  } finally {
    await db.destroy();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** With `--statements`: the time spent in each kind of statement (its text up to the first parenthesis or WHERE). */
const byStatement = new Map<string, { count: number; ms: number }>();
function tally(event: LogEvent): void {
  const kind = event.query.sql
    .replace(/\s+/g, ' ')
    .replace(/(\(|\bwhere\b|\bvalues\b).*$/i, '')
    .slice(0, 90);
  const sum = byStatement.get(kind) ?? { count: 0, ms: 0 };
  sum.count += 1;
  sum.ms += event.queryDurationMillis;
  byStatement.set(kind, sum);
}

const args = process.argv.slice(2);
const statements = args.includes('--statements');
if (statements) args.splice(args.indexOf('--statements'), 1);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 1;
const batchAt = args.indexOf('--batch');
const batchSize = batchAt >= 0 ? Number(args.splice(batchAt, 2)[1]) : undefined;
const [file, ...names] = args;
if (!file) throw new Error('usage: projection-alone.ts <events.db> [projection…] [--rounds N]');
const store = await openEventStore({ kind: 'sqlite', file });
try {
  for (const name of names.length > 0 ? names : Object.keys(PROJECTIONS)) {
    const projection = PROJECTIONS[name];
    if (!projection) throw new Error(`no projection "${name}": ${Object.keys(PROJECTIONS).join(', ')}`);
    for (let round = 0; round < rounds; round++) {
      const raw = await readAll(store);
      const { rate, cpuRate, events } = await catchUpRate(store, projection, raw.events);
      console.log(
        `${name.padEnd(20)} ${events.toString().padStart(8)} events  ${Math.round(rate).toString().padStart(7)} events/s` +
          `  readAll ${Math.round(raw.rate).toString().padStart(7)} events/s  ratio ${(rate / raw.rate).toFixed(3)}` +
          `  by CPU time ${(cpuRate / raw.cpuRate).toFixed(3)}`,
      );
    }
  }
  for (const [kind, { count, ms }] of [...byStatement].sort((a, b) => b[1].ms - a[1].ms))
    console.log(`${Math.round(ms).toString().padStart(7)} ms ${count.toString().padStart(6)} × ${kind}`);
} finally {
  await store.close();
}
