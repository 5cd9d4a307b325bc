import cliProgress from 'cli-progress';

/** A progress bar on stderr for `total` events (plain lines when stderr is not a terminal). */
export function eventsProgressBar(label: string, total: number) {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} events | {rate} ev/s | ETA {eta_formatted}`,
      stream: process.stderr,
      noTTYOutput: true,
      notTTYSchedule: 10_000,
      etaBuffer: 50,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(total, 0, { rate: 0 });
  return {
    update(events: number): void {
      const seconds = (performance.now() - started) / 1000;
      bar.update(Math.min(events, total), { rate: Math.round(events / Math.max(seconds, 0.001)) });
    },
    stop(): void {
      bar.stop();
    },
  };
}
