import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { collect, type JsonObject, type NewEvent } from '@redtape/event-store';
import { openTemporarySqliteStore, uniqueStream, type OpenedStore } from '@redtape/event-store/testing';
import { readFileSync } from 'node:fs';
import { AggregateLoader } from './aggregate-loader.js';
import { CommandHandler } from './command-handler.js';
import { sampleDecider } from './samples/procedure-sample.js';
import { UpcasterRegistry, type Upcaster } from './upcasting.js';

/** Version 1 stored only the new time as `days`; version 2 records both ends of the change. */
const decisionTimeChangedV1ToV2: Upcaster = {
  type: 'DecisionTimeChanged',
  fromVersion: 1,
  upcast: (data) => ({ from: null, to: data['days'] as number }),
};

const storedV1 = JSON.parse(
  readFileSync(new URL('./samples/stored/decision-time-changed.v1.json', import.meta.url), 'utf8'),
) as NewEvent & { metadata: JsonObject };

describe('upcasting stored events', () => {
  let opened: OpenedStore;
  beforeEach(() => {
    opened = openTemporarySqliteStore();
  });
  afterEach(async () => opened.dispose());

  it('reads a stored version 1 event in the current shape without rewriting it', async () => {
    const stream = uniqueStream('procedure');
    const registry = new UpcasterRegistry([decisionTimeChangedV1ToV2]);
    const handler = new CommandHandler(opened.store, sampleDecider, registry);
    await handler.handle(stream, {
      type: 'RegisterProcedure',
      data: { title: 'Land allocation', decisionDays: 30 },
      metadata: {
        commandId: 'register-1',
        actor: { id: 'system', role: 'system' },
        now: new Date('2025-05-01'),
      },
    });
    await opened.store.appendToStream(
      stream,
      [{ id: storedV1.id, type: storedV1.type, data: storedV1.data, metadata: storedV1.metadata }],
      0n,
    );

    const loaded = await new AggregateLoader(opened.store, sampleDecider, registry).load(stream);

    expect(loaded.state).toMatchObject({ status: 'active', decisionDays: 15 });
    expect(loaded.events[1]).toMatchObject({
      schemaVersion: 2,
      data: { from: null, to: 15 },
      metadata: { reason: 'stage 1 review' },
    });
    const [, raw] = await collect(opened.store.readStream(stream));
    expect(raw).toMatchObject({ data: { days: 15 }, metadata: { schemaVersion: 1 } });
  });

  it('writes new events with the current version of their type', async () => {
    const stream = uniqueStream('procedure');
    const registry = new UpcasterRegistry([decisionTimeChangedV1ToV2]);
    const handler = new CommandHandler(opened.store, sampleDecider, registry);
    const actor = { id: 'system', role: 'system' } as const;
    await handler.handle(stream, {
      type: 'RegisterProcedure',
      data: { title: 'Permit', decisionDays: 30 },
      metadata: { commandId: 'a', actor, now: new Date() },
    });
    await handler.handle(stream, {
      type: 'ChangeDecisionTime',
      data: { days: 7 },
      metadata: { commandId: 'b', actor, now: new Date() },
    });
    const stored = await collect(opened.store.readStream(stream));
    expect(stored.map((e) => e.metadata['schemaVersion'])).toEqual([1, 2]);
  });

  it('insists that upcasters are registered in version order', () => {
    expect(() => new UpcasterRegistry([{ ...decisionTimeChangedV1ToV2, fromVersion: 2 }])).toThrow(
      /register v1 first/,
    );
  });

  it('refuses a stored version newer than this code knows', () => {
    const registry = new UpcasterRegistry();
    expect(() => registry.upcast('DecisionTimeChanged', 3, {}, storedV1.metadata as never)).toThrow(
      /not a version this code knows/,
    );
  });
});
