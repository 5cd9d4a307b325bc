/**
 * Milliseconds on the OS monotonic clock. libuv reads the system-wide monotonic clock, so stamps taken
 * in a writer process compare directly with stamps taken here, unlike `performance.now()` whose origin
 * is each process's own start.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
