import type { Environment } from './environment.js';
import type { RoundsPlan } from './rounds.js';
import { median, spreadOf, type Spread } from './statistics.js';
import type { LatencyPlan, LatencySample } from './subscription-latency.js';

export interface Throughput {
  readonly unit: string;
  readonly median: number;
  readonly rounds: readonly number[];
}

export interface Ratio {
  /**
   * Median of the rounds' own quotients: the two figures of a round were taken a moment apart, so a
   * disk slowdown shared with other processes weighs on both and cancels out, which it does not
   * between two medians.
   */
  readonly value: number;
  readonly perRound: readonly number[];
  readonly ofMedians: number;
  readonly target: number;
}

export interface Latency {
  readonly appendToDeliveryMs: Spread;
  readonly commitToDeliveryMs: Spread;
  readonly samples: readonly LatencySample[];
}

export interface BenchPlan extends RoundsPlan {
  readonly singleAppendStreams: number;
  readonly batchSize: number;
  readonly batchStreams: number;
  readonly latency: LatencyPlan;
}

export interface BenchResults {
  readonly environment: Environment;
  readonly plan: BenchPlan;
  readonly throughput: {
    readonly rawInserts: Throughput;
    readonly singleEventAppends: Throughput;
    readonly batchAppends: Throughput;
    readonly globalLogRead: Throughput & { readonly eventsPerRead: number };
    readonly streamRead: Throughput & { readonly eventsPerRead: number };
  };
  readonly ratios: {
    readonly singleEventAppendsToRawInserts: Ratio;
    readonly batchToSingleEventThroughput: Ratio;
  };
  readonly subscriptionLatency: {
    readonly sameProcess: Latency;
    readonly separateProcess: Latency;
  };
}

export function throughput(unit: string, rounds: readonly number[]): Throughput {
  return { unit, median: median(rounds), rounds };
}

export function latency(samples: readonly LatencySample[]): Latency {
  return {
    appendToDeliveryMs: spreadOf(samples.map((sample) => sample.appendToDeliveryMs)),
    commitToDeliveryMs: spreadOf(samples.map((sample) => sample.commitToDeliveryMs)),
    samples,
  };
}

export function ratio(numerator: Throughput, denominator: Throughput, target: number): Ratio {
  const perRound = numerator.rounds.map((rate, round) => rate / denominator.rounds[round]!);
  return { value: median(perRound), perRound, ofMedians: numerator.median / denominator.median, target };
}
