import { monotonicMs } from './clock.js';

/** One unit of work; returns how many items (rows, events) it handled. */
export type Step = () => number | Promise<number>;

export interface RoundsPlan {
  readonly warmUpMs: number;
  readonly rounds: number;
  readonly roundMs: number;
}

/** Repeats the step until the time box is spent (at least once) and returns items per second. */
async function itemsPerSecond(step: Step, timeBoxMs: number): Promise<number> {
  let items = 0;
  let elapsedMs = 0;
  const start = monotonicMs();
  do {
    items += await step();
    elapsedMs = monotonicMs() - start;
  } while (elapsedMs < timeBoxMs);
  return items / (elapsedMs / 1000);
}

/**
 * Warms every step up, then measures them round after round, interleaved, so that a slow spell of the
 * disk or the machine weighs on all of them alike instead of on whichever ran at that moment.
 */
export async function measureRounds<Name extends string>(
  steps: Record<Name, Step>,
  plan: RoundsPlan,
): Promise<Record<Name, number[]>> {
  const names = Object.keys(steps) as Name[];
  for (const name of names) await itemsPerSecond(steps[name], plan.warmUpMs);
  const rates = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let round = 0; round < plan.rounds; round++)
    for (const name of names) rates[name].push(await itemsPerSecond(steps[name], plan.roundMs));
  return rates;
}
