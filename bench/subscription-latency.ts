import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ExpectedRevision, RecordedEvent, Subscription } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { monotonicMs } from './clock.js';
import { repoRoot } from './paths.js';
import { sampleEvent } from './sample-events.js';

export interface LatencySample {
  /** From the call to `appendToStream` (so including the durable commit) to the event in the iterator. */
  readonly appendToDeliveryMs: number;
  /** From the commit having returned to the event in the iterator: the notification path alone. */
  readonly commitToDeliveryMs: number;
}

interface Stamps {
  readonly appendedAt: number;
  readonly committedAt: number;
}

/** Appends the event carrying the sample number and tells when the append started and returned. */
interface LatencyWriter {
  append(sample: number): Promise<Stamps>;
  close(): Promise<void>;
}

const DELIVERY_TIMEOUT_MS = 5000;
// Appends from a command handler come one at a time; the pause lets the file-system events of the
// previous append settle so that each sample starts from a quiet subscriber.
const PAUSE_BETWEEN_SAMPLES_MS = 2;
const WRITER_SCRIPT = fileURLToPath(new URL('./latency-writer.ts', import.meta.url));
const SOURCE_LOADER_FLAGS = ['--conditions=@redtape/source', '--import', 'tsx'];

function sampleOf(event: RecordedEvent): number | undefined {
  const sample = event.data['sample'];
  return typeof sample === 'number' ? sample : undefined;
}

/** Consumes the subscription and resolves each awaited sample with the moment it came out. */
function watchDeliveries(subscription: Subscription) {
  const awaited = new Map<number, (deliveredAt: number) => void>();
  const consuming = (async () => {
    for await (const event of subscription) {
      const deliveredAt = monotonicMs();
      const sample = sampleOf(event);
      if (sample !== undefined) awaited.get(sample)?.(deliveredAt);
    }
  })();
  return {
    /** Ask before appending, so that a delivery quicker than the append's own return is not missed. */
    deliveryOf(sample: number): Promise<number> {
      return new Promise((resolve, reject) => {
        const timeout = setTimeout(() => {
          awaited.delete(sample);
          reject(new Error(`sample ${sample} was not delivered within ${DELIVERY_TIMEOUT_MS} ms`));
        }, DELIVERY_TIMEOUT_MS).unref();
        awaited.set(sample, (deliveredAt) => {
          clearTimeout(timeout);
          awaited.delete(sample);
          resolve(deliveredAt);
        });
      });
    },
    async stop(): Promise<void> {
      await subscription.close();
      await consuming;
    },
  };
}

function writerOnAnotherConnection(file: string, streamId: string): LatencyWriter {
  const store = SqliteEventStore.open(file);
  let expected: ExpectedRevision = 'no_stream';
  return {
    async append(sample) {
      const appendedAt = monotonicMs();
      const result = await store.appendToStream(streamId, [sampleEvent({ sample })], expected);
      const committedAt = monotonicMs();
      expected = result.nextExpectedRevision;
      return { appendedAt, committedAt };
    },
    close: () => store.close(),
  };
}

async function writerInSeparateProcess(file: string, streamId: string): Promise<LatencyWriter> {
  const child = spawn(process.execPath, [...SOURCE_LOADER_FLAGS, WRITER_SCRIPT, file, streamId], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string> => {
    const { done, value } = await lines.next();
    if (done) throw new Error(`the latency writer process ended early (exit code ${child.exitCode})`);
    return value;
  };
  const greeting = await nextLine();
  if (greeting !== 'ready') throw new Error(`the latency writer process said "${greeting}" instead of ready`);
  return {
    async append(sample) {
      child.stdin.write(`${sample}\n`);
      return JSON.parse(await nextLine()) as Stamps;
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin.end();
      await exited;
    },
  };
}

export interface LatencyPlan {
  readonly maxSamples: number;
  /** Sampling stops early once this is spent, so that a slow notification path cannot stall the bench. */
  readonly timeBoxMs: number;
}

async function measure(subscriberStore: SqliteEventStore, writer: LatencyWriter, plan: LatencyPlan) {
  const after = await subscriberStore.headPosition();
  const deliveries = watchDeliveries(subscriberStore.subscribeToAll(after === undefined ? {} : { after }));
  const measured: LatencySample[] = [];
  try {
    const start = monotonicMs();
    for (let sample = 0; sample < plan.maxSamples && monotonicMs() - start < plan.timeBoxMs; sample++) {
      const [deliveredAt, { appendedAt, committedAt }] = await Promise.all([
        deliveries.deliveryOf(sample),
        writer.append(sample),
      ]);
      measured.push({
        appendToDeliveryMs: deliveredAt - appendedAt,
        commitToDeliveryMs: deliveredAt - committedAt,
      });
      await sleep(PAUSE_BETWEEN_SAMPLES_MS);
    }
  } finally {
    await deliveries.stop();
    await writer.close();
  }
  return measured;
}

/** Latency from an append on another connection of this process until `subscribeToAll` yields it. */
export async function latencyFromSameProcess(file: string, plan: LatencyPlan): Promise<LatencySample[]> {
  const subscriberStore = SqliteEventStore.open(file);
  try {
    return await measure(subscriberStore, writerOnAnotherConnection(file, 'latency-same-process'), plan);
  } finally {
    await subscriberStore.close();
  }
}

/** Latency from an append made by another OS process until `subscribeToAll` yields it. */
export async function latencyFromSeparateProcess(file: string, plan: LatencyPlan): Promise<LatencySample[]> {
  const subscriberStore = SqliteEventStore.open(file);
  try {
    return await measure(subscriberStore, await writerInSeparateProcess(file, 'latency-other-process'), plan);
  } finally {
    await subscriberStore.close();
  }
}
