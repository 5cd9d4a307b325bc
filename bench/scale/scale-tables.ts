import { markdownTable, type Column } from '../markdown-table.js';
import { RESULT_COLUMNS, ratioCell, throughputRow } from '../results-table.js';
import type { LatencyMeasure, QueryName } from './gateway-probes.js';
import type { HistoryRun, ScaleResults } from './scale.bench.js';

const whole = (value: number) => Math.round(value).toLocaleString('en-US');
const oneDecimal = (value: number) => value.toFixed(1);
const sizeOf = (events: number) =>
  events >= 1e6 ? `${oneDecimal(events / 1e6)}M` : events >= 1e3 ? `${whole(events / 1e3)}k` : String(events);
const historyName = (run: HistoryRun) => `${sizeOf(run.events)} events`;
const megabytes = (bytes: number) => `${whole(bytes / 1e6)} MB`;
const ratioText = (value: number | undefined, target?: string) =>
  value === undefined || !Number.isFinite(value)
    ? '—'
    : `${value.toFixed(value < 10 ? 3 : 1)}${target ? ` (goal ${target})` : ''}`;
const left = (title: string): Column => ({ title, align: 'left' });
const right = (title: string): Column => ({ title, align: 'right' });

function runsOf(results: ScaleResults): HistoryRun[] {
  return [results.runs.reference, results.runs.target].filter((run): run is HistoryRun => run !== undefined);
}

/** Catch-up from zero per projection, against raw readAll of the same store (the issue's first table). */
function catchUpTable(results: ScaleResults): string {
  const rows: string[][] = [];
  for (const run of runsOf(results)) {
    if (!run.catchUp) continue;
    const raw = run.rawReadAll.median;
    for (const service of run.catchUp.services) {
      const healthy = service.healthyAfterS === null ? 'no answer' : `${oneDecimal(service.healthyAfterS)} s`;
      const idle = run.restart?.services.find((s) => s.name === service.name)?.rssAtSpawnEndMb ?? undefined;
      const idleRss = run.idle?.rssMb[service.name] ?? idle ?? service.rssBeforeCatchUpMb ?? undefined;
      const growth = idleRss === undefined ? undefined : service.peakRssMb - idleRss;
      const memory = `${whole(service.peakRssMb)} peak${growth === undefined ? '' : `, ${growth < 0 ? '−' : '+'}${whole(Math.abs(growth))} over idle ${whole(idleRss!)}`}`;
      const serviceRate =
        service.healthyAfterS === null ? '—' : whole(run.events / Math.max(0.001, service.healthyAfterS));
      if (service.projections.length === 0) {
        rows.push([historyName(run), service.name, '(none)', healthy, '', '', whole(raw), '', memory]);
        continue;
      }
      for (const projection of service.projections) {
        const rate = projection.logEventsPerSecond;
        const took =
          projection.finishedAfterS !== null && projection.startedAfterS !== null
            ? `${oneDecimal(projection.finishedAfterS - projection.startedAfterS)} s`
            : `not caught up${projection.position ? ` (at ${whole(Number(projection.position))})` : ', progress not visible'}`;
        rows.push([
          historyName(run),
          service.name,
          projection.name,
          `${healthy}; ${took}`,
          serviceRate,
          rate === null ? '—' : whole(rate),
          whole(raw),
          rate === null ? '—' : ratioText(rate / raw, '≥ 0.5'),
          memory,
        ]);
      }
    }
  }
  return markdownTable(
    [
      left('history'),
      left('service'),
      left('projection'),
      left('/health after; rebuild took'),
      right('service (log ev/s)'),
      right('projection (log ev/s)'),
      right('raw readAll (ev/s)'),
      left('ratio'),
      left('RSS (MB)'),
    ],
    rows,
  );
}

function sizeTable(results: ScaleResults): string {
  const rows: string[][] = [];
  for (const run of runsOf(results)) {
    if (!run.sizes) continue;
    const store = run.sizes.eventStore;
    rows.push([historyName(run), 'event store', megabytes(store.bytes), whole(store.bytesPerEvent), '1', '']);
    for (const [service, size] of Object.entries(run.sizes.readModels)) {
      const biggest = size.tables
        .slice(0, 3)
        .map((table) => `${table.name} ${megabytes(table.bytes)}`)
        .join(', ');
      rows.push([
        historyName(run),
        service,
        megabytes(size.bytes),
        whole(size.bytesPerEvent),
        ratioText(size.bytes / store.bytes, service === 'procedures' ? '≤ 1.5' : undefined),
        biggest,
      ]);
    }
  }
  return markdownTable(
    [
      left('history'),
      left('file'),
      right('size'),
      right('bytes/event'),
      left('÷ event store'),
      left('largest tables'),
    ],
    rows,
  );
}

const QUERY_TITLES: Record<QueryName, string> = {
  auditTrail: 'audit trail of the probe procedure (25 events)',
  procedureAsOf: '`procedureAsOf(revision: 5)`',
  reformMetrics: "Tokmok's reform metrics",
  procedureList: "Tokmok's procedure list",
};

function latencyCell(measure: LatencyMeasure | undefined): string {
  if (!measure) return '—';
  const errors = measure.errors > 0 ? ` (${measure.errors} errors: ${measure.firstError ?? ''})` : '';
  return `${whole(measure.ms.p50)} / ${whole(measure.ms.p95)} ms${errors}`;
}

function latencyRatio(target: LatencyMeasure | undefined, reference: LatencyMeasure | undefined): string {
  if (!target || !reference) return '—';
  return `${ratioText(target.ms.p50 / reference.ms.p50)} / ${ratioText(target.ms.p95 / reference.ms.p95)} (goal ≤ 1.5)`;
}

/** The issue's second table: the same requests on the reference history and on the large one. */
function gatewayTable(results: ScaleResults): string {
  const { reference, target } = results.runs;
  const rows: string[][] = [];
  rows.push([
    'a procedure mutation (changeDecisionTime), p50 / p95',
    latencyCell(reference?.mutation),
    latencyCell(target.mutation),
    latencyRatio(target.mutation, reference?.mutation),
  ]);
  for (const name of Object.keys(QUERY_TITLES) as QueryName[])
    rows.push([
      `${QUERY_TITLES[name]}, p50 / p95`,
      latencyCell(reference?.queries?.[name]),
      latencyCell(target.queries?.[name]),
      latencyRatio(target.queries?.[name], reference?.queries?.[name]),
    ]);
  const restart = (run: HistoryRun | undefined) =>
    run?.restart ? `${oneDecimal(run.restart.seconds)} s` : '—';
  rows.push([
    'restart of the whole system on the caught-up store, to healthy',
    restart(reference),
    restart(target),
    reference?.restart && target.restart
      ? ratioText(target.restart.seconds / reference.restart.seconds)
      : '—',
  ]);
  const idle = (run: HistoryRun | undefined) =>
    run?.idle
      ? `${oneDecimal(run.idle.total)} % of a core (${Object.entries(run.idle.percentOfOneCore)
          .map(([name, value]) => `${name} ${oneDecimal(value)}`)
          .join(', ')})`
      : '—';
  rows.push([
    `idle CPU of the whole system over ${whole(target.idle?.seconds ?? 10)} s`,
    idle(reference),
    idle(target),
    reference?.idle && target.idle
      ? ratioText(target.idle.total / Math.max(0.1, reference.idle.total), '≤ 1')
      : '—',
  ]);
  const catchUp = (run: HistoryRun | undefined) =>
    run?.catchUp
      ? `${oneDecimal(run.catchUp.seconds)} s${run.catchUp.caughtUp ? '' : ' (not caught up)'}`
      : '—';
  rows.push([
    'start on fresh read models, to healthy (catch-up from zero)',
    catchUp(reference),
    catchUp(target),
    '',
  ]);
  return markdownTable(
    [
      left('measure'),
      right(reference ? historyName(reference) : 'reference'),
      right(historyName(target)),
      left('ratio'),
    ],
    rows,
  );
}

function burstTable(results: ScaleResults): string | undefined {
  const burst = results.runs.target.burst;
  if (!burst) return undefined;
  const rows = Object.entries(burst.health).map(([service, health]) => [
    service,
    `${whole(health.p50)} / ${whole(health.p95)} / ${whole(health.max)} ms`,
    `${health.probes} (${health.failures} failed)`,
    health.max <= 100 ? 'yes' : 'no',
  ]);
  const summary =
    `Burst: ${whole(burst.events)} events in ${whole(burst.appends)} appends, appended in ${oneDecimal(burst.appendSeconds)} s; ` +
    (burst.absorbedAfterS === null
      ? 'not visible through the gateway within the limit.'
      : `the last one visible through the gateway after ${oneDecimal(burst.absorbedAfterS)} s.`);
  return `${summary}\n\n${markdownTable(
    [left('service'), right('/health p50 / p95 / max'), right('probes'), left('max ≤ 100 ms')],
    rows,
  )}`;
}

/** Catch-up through the live subscriptions, from a checkpoint: events appended while stopped. */
function resumeTable(results: ScaleResults): string | undefined {
  const run = results.runs.target;
  const resume = run.resume;
  if (!resume) return undefined;
  const rows = resume.services.map((service) => {
    const idle = run.idle?.rssMb[service.name];
    const growth =
      idle === undefined
        ? ''
        : `${service.peakRssMb - idle < 0 ? '−' : '+'}${whole(Math.abs(service.peakRssMb - idle))}`;
    return [
      service.name,
      service.healthyAfterS === null ? 'no answer' : `${oneDecimal(service.healthyAfterS)} s`,
      service.healthyAfterS === null ? '—' : whole(resume.events / Math.max(0.001, service.healthyAfterS)),
      `${whole(service.peakRssMb)}`,
      growth,
    ];
  });
  const summary =
    `${whole(resume.events)} events in ${whole(resume.appends)} appends while the system was stopped ` +
    `(${oneDecimal(resume.appendSeconds)} s), then started on its checkpoints: ${resume.caughtUp ? `healthy after ${oneDecimal(resume.seconds)} s` : 'not caught up within the limit'}.`;
  return `${summary}\n\n${markdownTable(
    [
      left('service'),
      right('/health after'),
      right('events behind / s'),
      right('peak RSS (MB)'),
      right('over idle (MB)'),
    ],
    rows,
  )}`;
}

function limitsTable(results: ScaleResults): string | undefined {
  const { limits, groupCommit } = results;
  if (!limits && !groupCommit) return undefined;
  const rows: string[][] = [];
  if (limits) {
    rows.push(throughputRow('fsync of a 512-byte write (the file system)', limits.fsyncPerSecond));
    const postgres = results.options.store === 'postgres';
    rows.push(
      throughputRow(
        postgres
          ? 'raw INSERT, autocommit, 1 connection'
          : 'raw better-sqlite3 insert, autocommit, synchronous=FULL',
        limits.rawInserts,
      ),
    );
    rows.push(
      throughputRow(
        postgres
          ? 'raw INSERT of 100 rows per transaction'
          : 'raw better-sqlite3, 100 inserts per transaction (10 streams in turn, as the appends)',
        limits.rawBatchTransactions,
      ),
    );
    rows.push(throughputRow(`adapter readAll, ${whole(limits.readAll.events)} events`, limits.readAll));
    rows.push(
      throughputRow(
        `adapter readAll, procedure streams only (${whole(limits.readAllProcedures.events)} events)`,
        limits.readAllProcedures,
      ),
    );
    const auditRows = limits.auditRowInserts;
    if (auditRows)
      rows.push(
        throughputRow(
          'raw better-sqlite3 insert of audit-trail rows (its table and indexes), 5,000 per transaction',
          auditRows,
          `${(auditRows.median / limits.readAllProcedures.median).toFixed(2)} × readAll of the procedure streams: the audit trail's ceiling`,
        ),
      );
  }
  if (groupCommit) {
    rows.push(
      throughputRow(
        'adapter append, 1 event, 1 writer',
        groupCommit.singleWriter,
        ratioCell(groupCommit.singleToRawInserts, 'raw inserts'),
      ),
    );
    rows.push(
      throughputRow(
        'adapter append, 1 event, 16 writers at once',
        groupCommit.concurrentWriters,
        ratioCell(groupCommit.concurrentToSingle, '1 writer'),
      ),
    );
    rows.push(
      throughputRow(
        'adapter append, 100 events',
        groupCommit.batchAppends,
        ratioCell(groupCommit.batchToRawTransactions, 'raw 100-row transactions'),
      ),
    );
    const four = groupCommit.fourWriters;
    if (four) {
      rows.push(throughputRow('raw INSERT, autocommit, 4 connections at once', four.raw));
      rows.push(
        throughputRow(
          'adapter append, 1 event, 4 writers at once',
          four.adapter,
          ratioCell(four.adapterToRaw, 'raw, 4 at once'),
        ),
      );
    }
  }
  return markdownTable(RESULT_COLUMNS, rows);
}

export function scaleTables(results: ScaleResults): string {
  const { target } = results.runs;
  const sections = [
    `### Catch-up from zero, per projection (ratio = catch-up ÷ raw readAll of the same store)\n\n${catchUpTable(results)}`,
    `### Read models, bytes per event\n\n${sizeTable(results)}`,
    `### Through the gateway, and the whole system (${historyName(target)} against ${results.runs.reference ? historyName(results.runs.reference) : 'no reference'})\n\n${gatewayTable(results)}`,
  ];
  const resume = resumeTable(results);
  if (resume)
    sections.push(`### Resume: catch-up from a checkpoint, through the live subscriptions\n\n${resume}`);
  const burst = burstTable(results);
  if (burst) sections.push(`### A burst while /health is polled every 50 ms\n\n${burst}`);
  const limits = limitsTable(results);
  if (limits)
    sections.push(
      `### Physical limits and group commit (on a copy of the ${historyName(target)} store)\n\n${limits}`,
    );
  const notes = runsOf(results).flatMap((run) => run.notes.map((note) => `- ${run.label}: ${note}`));
  if (notes.length > 0) sections.push(`Notes:\n${notes.join('\n')}`);
  sections.push(
    `Bench run times (s): ${Object.entries(results.benchSeconds)
      .map(([name, seconds]) => `${name} ${oneDecimal(seconds)}`)
      .join(', ')}`,
  );
  return sections.join('\n\n');
}
