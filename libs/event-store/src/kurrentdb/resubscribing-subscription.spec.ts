import { describe, expect, it } from '@jest/globals';
import { UnavailableError } from '@kurrent/kurrentdb-client';
import { PassThrough } from 'node:stream';
import type { GlobalPosition, RecordedEvent } from '../port/index.js';
import { isTransient } from './errors.js';
import { resubscribingSubscription, type RetryPolicy, type Upstream } from './resubscribing-subscription.js';

const event = (position: number): RecordedEvent => ({
  id: `e-${position}`,
  type: 'Happened',
  streamId: 's',
  revision: BigInt(position),
  position: BigInt(position),
  data: {},
  metadata: {},
  recordedAt: new Date(0),
});

/** What one server-side subscription does: deliver some events, then fail, end, or wait forever. */
type Script = { events: number[]; then: 'fail' | 'end' | 'wait'; error?: unknown };

/** Upstreams that play the scripts in turn, recording where each was opened and whether it was closed. */
function scripted(...scripts: Script[]) {
  const opened: (GlobalPosition | undefined)[] = [];
  const closed: boolean[] = [];
  const open = (after: GlobalPosition | undefined): Upstream => {
    const index = opened.length;
    opened.push(after);
    closed.push(false);
    const script = scripts[index] ?? { events: [], then: 'wait' };
    async function* play(): AsyncGenerator<RecordedEvent> {
      for (const position of script.events) yield event(position);
      if (script.then === 'fail') throw script.error ?? new UnavailableError();
      if (script.then === 'wait') await new Promise(() => undefined);
    }
    return { events: play(), close: async () => void (closed[index] = true) };
  };
  return { open, opened, closed };
}

const retry: RetryPolicy = { isTransient, firstDelayMs: 1, maxDelayMs: 5 };

async function take(iterator: AsyncIterator<RecordedEvent>, count: number): Promise<number[]> {
  const taken: number[] = [];
  while (taken.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    taken.push(Number(next.value.position));
  }
  return taken;
}

describe('a subscription that resubscribes after a dropped connection', () => {
  it('resumes from the last delivered event, without gaps or duplicates', async () => {
    const upstreams = scripted(
      { events: [1, 2, 3], then: 'fail' },
      // A server that starts inclusively sends the checkpoint event again: it must not come twice.
      { events: [3, 4, 5], then: 'end' },
      { events: [6], then: 'wait' },
    );
    const subscription = resubscribingSubscription(upstreams.open, { after: 0n, retry });
    const iterator = subscription[Symbol.asyncIterator]();
    expect(await take(iterator, 6)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(upstreams.opened).toEqual([0n, 3n, 5n]);
    expect(upstreams.closed.slice(0, 2)).toEqual([true, true]);
    await subscription.close();
    expect(upstreams.closed).toEqual([true, true, true]);
  });

  it('starts from the beginning when given no checkpoint', async () => {
    const upstreams = scripted({ events: [1], then: 'wait' });
    const subscription = resubscribingSubscription(upstreams.open, { retry });
    expect(await take(subscription[Symbol.asyncIterator](), 1)).toEqual([1]);
    expect(upstreams.opened).toEqual([undefined]);
    await subscription.close();
  });

  it('ends with the error when the failure is not the connection’s', async () => {
    const denied = Object.assign(new Error('access denied'), { type: 'access-denied' });
    const upstreams = scripted({ events: [1], then: 'fail', error: denied });
    const subscription = resubscribingSubscription(upstreams.open, { retry });
    const iterator = subscription[Symbol.asyncIterator]();
    expect(await take(iterator, 1)).toEqual([1]);
    await expect(iterator.next()).rejects.toBe(denied);
    expect(upstreams.opened).toHaveLength(1);
    expect(upstreams.closed).toEqual([true]);
  });

  it('ends a pending read at once when closed', async () => {
    const upstreams = scripted({ events: [], then: 'wait' });
    const subscription = resubscribingSubscription(upstreams.open, { retry });
    const pending = subscription[Symbol.asyncIterator]().next();
    await new Promise((resolve) => setImmediate(resolve));
    await subscription.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(upstreams.closed).toEqual([true]);
  });

  it('ends at once when closed while waiting to resubscribe', async () => {
    const upstreams = scripted({ events: [], then: 'fail' });
    const slow: RetryPolicy = { isTransient, firstDelayMs: 60_000, maxDelayMs: 60_000 };
    const subscription = resubscribingSubscription(upstreams.open, { retry: slow });
    const pending = subscription[Symbol.asyncIterator]().next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = Date.now();
    await subscription.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(upstreams.opened).toHaveLength(1);
  });

  it('ends quietly when closed while the reader holds an event, though the closed upstream then fails reads', async () => {
    // As the client's subscription does: a stream read through its async iterator, destroyed by close,
    // after which a read rejects with ERR_STREAM_PREMATURE_CLOSE.
    const stream = new PassThrough({ objectMode: true });
    stream.write(event(1));
    stream.write(event(2));
    const upstream: Upstream = {
      events: stream[Symbol.asyncIterator](),
      close: async () => void stream.destroy(),
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const subscription = resubscribingSubscription(() => upstream, { retry });
      const iterator = subscription[Symbol.asyncIterator]();
      expect(await take(iterator, 1)).toEqual([1]);
      await subscription.close();
      await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
      // Unhandled rejections are reported after the microtask queue drains.
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('closes the server-side subscription when the reader stops early', async () => {
    const upstreams = scripted({ events: [1, 2, 3], then: 'wait' });
    const subscription = resubscribingSubscription(upstreams.open, { retry });
    for await (const delivered of subscription) if (delivered.position === 2n) break;
    expect(upstreams.closed).toEqual([true]);
  });

  it('can be iterated only once', () => {
    const subscription = resubscribingSubscription(scripted().open, { retry });
    subscription[Symbol.asyncIterator]();
    expect(() => subscription[Symbol.asyncIterator]()).toThrow(/only once/);
  });
});
