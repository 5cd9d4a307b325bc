import type { AllStreamSubscription, KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { EventFilter, GlobalPosition, RecordedEvent } from '../port/index.js';
import { SubscriptionSetupError, clientErrorType } from './errors.js';
import { matchesFilter, serverSideFilter } from './filter.js';
import { toReadPosition } from './position.js';
import { toRecordedEvent } from './recorded-event.js';
import type { Upstream } from './resubscribing-subscription.js';

/**
 * One `$all` subscription on the server, from just after `after`, filtered there as far as KurrentDB
 * can and here for the rest. The client's stream yields only events: confirmation, caught-up and
 * fell-behind messages become emitter events, and checkpoints go to a callback that is not set
 * (streams/utils/Subscription.js in the client), so there is nothing else to skip.
 */
export function openAllSubscription(
  client: Pick<KurrentDBClient, 'subscribeToAll'>,
  after: GlobalPosition | undefined,
  filter: EventFilter | undefined,
): Upstream {
  const subscription = client.subscribeToAll({
    fromPosition: toReadPosition(after),
    filter: serverSideFilter(filter),
  });
  // The iterator below normally receives the subscription's error. This listener keeps one emitted
  // while no iterator listens (before the first read, or after close) from crashing the process as
  // an unhandled 'error' event, and hands it to the reader: the client only emits it, so the stream
  // does not end, and an iterator started after it would wait for ever. It runs before the
  // iterator's own listener, so `failure` is set by the time the iterator throws.
  let failure: unknown;
  subscription.on('error', (error: unknown) => (failure ??= classified(error)));

  async function* matching(): AsyncGenerator<RecordedEvent> {
    if (failure !== undefined) throw failure;
    try {
      for await (const resolved of subscription) {
        const event = resolved.event;
        if (event && matchesFilter(filter, event)) yield toRecordedEvent(event);
      }
    } catch (error) {
      // The iterator throws what the stream emitted: raise it as classified. Anything else (no
      // failure recorded) was raised here, by the mapping, and passes unchanged.
      throw failure ?? error;
    }
    if (failure !== undefined) throw failure;
  }

  let closing: Promise<void> | undefined;
  return {
    events: matching(),
    close: () => (closing ??= cancel(subscription)),
  };
}

/**
 * Every error the client's subscription emits from its gRPC call is one of the client's own kinds
 * (converted there); anything else came from setting the call up (streams/utils/Subscription.js,
 * `initialize`), such as a failed cluster discovery, before any request reached a server.
 */
function classified(error: unknown): unknown {
  return clientErrorType(error) === undefined ? new SubscriptionSetupError(error) : error;
}

async function cancel(subscription: AllStreamSubscription): Promise<void> {
  try {
    await subscription.unsubscribe();
  } catch {
    // Unsubscribing fails only when the call never started; that failure already reached the reader.
  } finally {
    subscription.destroy();
  }
}
