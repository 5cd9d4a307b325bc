export interface Spread {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

function ascending(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error('no values to summarize');
  return [...values].sort((a, b) => a - b);
}

export function median(values: readonly number[]): number {
  const sorted = ascending(values);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Nearest-rank percentile: always one of the observed values. */
export function percentile(values: readonly number[], percent: number): number {
  const sorted = ascending(values);
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function spreadOf(values: readonly number[]): Spread {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: percentile(values, 100) };
}
