import { describe, expect, it } from '@jest/globals';
import { AccessDeniedError, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import { PassThrough } from 'node:stream';
import { isTransient } from './errors.js';
import { openAllSubscription } from './kurrentdb-subscription.js';

/** The client's subscription as far as the adapter uses it: an object stream that can unsubscribe. */
function subscribing() {
  const stream = Object.assign(new PassThrough({ objectMode: true }), {
    unsubscribe: async () => undefined,
  });
  const client = { subscribeToAll: () => stream } as unknown as Pick<KurrentDBClient, 'subscribeToAll'>;
  return { stream, client };
}

/** What a read settles to within a short while: its error, 'hung' if it does not settle, else 'read'. */
async function outcome(read: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('hung'), 200)));
  try {
    return await Promise.race([
      read.then(
        () => 'read',
        (error: unknown) => error,
      ),
      hung,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe('one server-side subscription to $all', () => {
  it('raises an error emitted before the first read on that read, rather than waiting for ever', async () => {
    const { stream, client } = subscribing();
    const upstream = openAllSubscription(client, undefined, undefined);
    const denied = new AccessDeniedError();
    stream.emit('error', denied);
    expect(await outcome(upstream.events.next())).toBe(denied);
    await upstream.close();
  });

  it('reports a failure to set the subscription up (a plain Error from the client) as transient', async () => {
    const { stream, client } = subscribing();
    const upstream = openAllSubscription(client, undefined, undefined);
    const read = upstream.events.next();
    const discovery = new Error('Failed to discover after 10 attempts.');
    stream.emit('error', discovery);
    const failure = await outcome(read);
    expect(failure).toMatchObject({ cause: discovery });
    expect(isTransient(failure)).toBe(true);
    await upstream.close();
  });

  it('leaves the client’s own errors as they are', async () => {
    const { stream, client } = subscribing();
    const upstream = openAllSubscription(client, undefined, undefined);
    const read = upstream.events.next();
    const denied = new AccessDeniedError();
    stream.emit('error', denied);
    const failure = await outcome(read);
    expect(failure).toBe(denied);
    expect(isTransient(failure)).toBe(false);
    await upstream.close();
  });
});
