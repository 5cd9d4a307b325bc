import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { eventually } from '@redtape/testing';
import { randomUUID } from 'node:crypto';
import { UnmappedEventType } from './integration-events.js';
import { KafkaRelay, type KafkaRelayOptions } from './kafka-relay.js';
import { readRelayCheckpoint, readRelayLease } from './relay-tables.js';
import { freePort } from './testing/kafka-broker.js';
import { appendNotes, testContract, testMetadata, uniqueContext } from './testing/test-contract.js';
import { TemporaryStores } from './testing/temporary-stores.js';

let stores: TemporaryStores;
let relays: KafkaRelay[];

beforeEach(() => {
  stores = new TemporaryStores();
  relays = [];
});

afterEach(async () => {
  for (const relay of relays) await relay.stop();
  await stores.dispose();
});

async function relayFor(overrides: Partial<KafkaRelayOptions> = {}): Promise<KafkaRelay> {
  const relay = new KafkaRelay({
    ...testContract(uniqueContext('unit')),
    store: stores.store,
    db: stores.db,
    // Nothing listens there: as if the broker were down.
    brokers: [`127.0.0.1:${await freePort()}`],
    clientId: 'kafka-relay-spec',
    leaseMs: 1000,
    retry: { initialMs: 20, maxMs: 100 },
    ...overrides,
  });
  relays.push(relay);
  return relay;
}

describe('KafkaRelay', () => {
  it('refuses settings that cannot work', async () => {
    await expect(relayFor({ context: 'Not A Context' })).rejects.toThrow(/context must be lower-case/);
    await expect(relayFor({ filter: {} })).rejects.toThrow(/stream prefixes/);
    await expect(relayFor({ batchSize: 0 })).rejects.toThrow(/batchSize/);
    await expect(relayFor({ leaseMs: 10 })).rejects.toThrow(/leaseMs/);
  });

  it('stalls while no broker answers: retries, moves no checkpoint, and still stops at once', async () => {
    const relay = await relayFor();
    await appendNotes(stores.store, `case-${randomUUID()}`, 3);
    await relay.start();

    await eventually(() => relay.status === 'stalled', 10_000, 'the relay to stall');
    expect(relay.lastError).toBeInstanceOf(Error);
    expect(await readRelayCheckpoint(stores.db, relay.topic)).toBeUndefined();
    const stopping = Date.now();
    await relay.stop();
    expect(Date.now() - stopping).toBeLessThan(5000);
    expect(relay.status).toBe('stopped');
    expect(await readRelayLease(stores.db, relay.topic)).toBeUndefined();
  });

  it('stops on a stored event type the catalog has no mapping for, and says which', async () => {
    const relay = await relayFor();
    const streamId = `case-${randomUUID()}`;
    const { position } = await stores.store.appendToStream(
      streamId,
      [{ id: randomUUID(), type: 'CaseArchived', data: {}, metadata: testMetadata() }],
      'no_stream',
    );
    await relay.start();

    await expect(relay.done).rejects.toThrow(UnmappedEventType);
    expect(relay.status).toBe('failed');
    expect(relay.lastError).toMatchObject({ eventType: 'CaseArchived', position });
    await expect(relay.waitForPosition(position, 100)).rejects.toThrow(/stopped before publishing/);
    expect(await readRelayCheckpoint(stores.db, relay.topic)).toBeUndefined();
    expect(await readRelayLease(stores.db, relay.topic)).toBeUndefined();
  });
});
