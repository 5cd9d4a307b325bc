import { markdownTable, type Column } from './markdown-table.js';
import type { BenchResults, Latency, Ratio, Throughput } from './results.js';
import type { Spread } from './statistics.js';

/** The columns of every bench's table: throughputRow and latencyRow fill them. */
export const RESULT_COLUMNS: readonly Column[] = [
  { title: 'measure', align: 'left' },
  { title: 'value (median)', align: 'right' },
  { title: 'unit', align: 'left' },
  { title: 'ratio (median of rounds)', align: 'left' },
  { title: 'rounds (min – max)', align: 'right' },
];

const wholeNumber = (value: number) => Math.round(value).toLocaleString('en-US');
const milliseconds = (value: number) => value.toFixed(2);

export function throughputRow(measure: string, result: Throughput, comparison = ''): string[] {
  const slowest = Math.min(...result.rounds);
  const fastest = Math.max(...result.rounds);
  return [
    measure,
    wholeNumber(result.median),
    result.unit,
    comparison,
    `${wholeNumber(slowest)} – ${wholeNumber(fastest)}`,
  ];
}

function latencyRows(writer: string, result: Latency): string[][] {
  const measure = (span: string) =>
    `subscribeToAll latency, ${writer}: ${span} (${result.samples.length} samples)`;
  return [
    latencyRow(measure('append → delivered'), result.appendToDeliveryMs),
    latencyRow(measure('commit → delivered'), result.commitToDeliveryMs),
  ];
}

function latencyRow(measure: string, spread: Spread): string[] {
  const value = [spread.p50, spread.p95, spread.max].map(milliseconds).join(' / ');
  return [measure, value, 'ms p50 / p95 / max', '', ''];
}

export function ratioCell(result: Ratio, of: string): string {
  const rounds = `${Math.min(...result.perRound).toFixed(2)} – ${Math.max(...result.perRound).toFixed(2)}`;
  return `${result.value.toFixed(2)} × ${of} (per round ${rounds}; target ≥ ${result.target})`;
}

export function resultsTable(results: BenchResults): string {
  const { throughput: rates, ratios, subscriptionLatency: latencies } = results;
  const rows = [
    throughputRow('raw better-sqlite3 insert, autocommit', rates.rawInserts),
    throughputRow(
      'adapter append, 1 event',
      rates.singleEventAppends,
      ratioCell(ratios.singleEventAppendsToRawInserts, 'raw inserts'),
    ),
    throughputRow(
      `adapter append, ${results.plan.batchSize} events`,
      rates.batchAppends,
      ratioCell(ratios.batchToSingleEventThroughput, '1-event appends'),
    ),
    throughputRow(
      `adapter readAll, ${wholeNumber(rates.globalLogRead.eventsPerRead)} events`,
      rates.globalLogRead,
    ),
    throughputRow(
      `adapter readStream forwards, ${wholeNumber(rates.streamRead.eventsPerRead)} events`,
      rates.streamRead,
    ),
    ...latencyRows('same process', latencies.sameProcess),
    ...latencyRows('other process', latencies.separateProcess),
  ];
  return markdownTable(RESULT_COLUMNS, rows);
}
