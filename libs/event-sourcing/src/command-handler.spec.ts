import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { collect, type EventStore } from '@redtape/event-store';
import { openTemporarySqliteStore, uniqueStream, type OpenedStore } from '@redtape/event-store/testing';
import type { CommandMetadata } from './command.js';
import { CommandHandler } from './command-handler.js';
import { AggregateRevisionConflict, CommandIdReused, InvalidCommand } from './errors.js';
import { requestDigestOf } from './command-digest.js';
import { TextNotAllowed, TextTooLong } from './text-rules.js';
import {
  DecisionTimeTooShort,
  sampleDecider,
  type SampleCommand,
  type SampleEvent,
  type SampleState,
} from './samples/procedure-sample.js';

const cabinet = { id: 'user-7', role: 'cabinet', name: 'A. Cabinet' } as const;
let sequence = 0;
const metadata = (overrides: Partial<CommandMetadata> = {}): CommandMetadata => ({
  commandId: `cmd-${++sequence}-${Date.now()}`,
  actor: cabinet,
  now: new Date('2026-01-15T10:00:00Z'),
  ...overrides,
});
const register = (m = metadata()): SampleCommand => ({
  type: 'RegisterProcedure',
  data: { title: 'Trade licence', decisionDays: 30 },
  metadata: m,
});
const changeDecisionTime = (days: number, m = metadata()): SampleCommand => ({
  type: 'ChangeDecisionTime',
  data: { days },
  metadata: m,
});

describe('command handler', () => {
  let opened: OpenedStore;
  let handler: CommandHandler<SampleCommand, SampleEvent, SampleState>;
  const storedIn = async (stream: string) => collect(opened.store.readStream(stream));

  beforeEach(() => {
    opened = openTemporarySqliteStore();
    handler = new CommandHandler(opened.store, sampleDecider);
  });
  afterEach(async () => opened.dispose());

  it('appends the decided events with the envelope metadata and returns the new state and revision', async () => {
    const stream = uniqueStream('procedure');
    const m = metadata({
      reason: 'pilot enrollment',
      legalBasis: 'Cabinet decree 12',
      correlationId: 'meeting-3',
    });
    const outcome = await handler.handle(stream, register(m));

    expect(outcome).toMatchObject({
      revision: 1,
      alreadyHandled: false,
      state: { status: 'active', decisionDays: 30 },
    });
    const [stored] = await storedIn(stream);
    expect(stored!.id).toBe(outcome.appended[0]!.id);
    expect(stored!.metadata).toEqual({
      schemaVersion: 1,
      actor: cabinet,
      commandId: m.commandId,
      correlationId: 'meeting-3',
      causationId: m.commandId,
      occurredAt: '2026-01-15T10:00:00.000Z',
      reason: 'pilot enrollment',
      legalBasis: 'Cabinet decree 12',
    });
    expect(outcome.position).toBe(stored!.position);
  });

  it('appends nothing when the same command is delivered again, even after later changes', async () => {
    const stream = uniqueStream('procedure');
    await handler.handle(stream, register());
    const retried = changeDecisionTime(20);
    await handler.handle(stream, retried);
    await handler.handle(stream, changeDecisionTime(10));

    const again = await handler.handle(stream, retried);

    expect(again).toMatchObject({ alreadyHandled: true, appended: [], revision: 3 });
    expect(await storedIn(stream)).toHaveLength(3);
  });

  /** The real store, with a competing append slipped in just before the handler's first append. */
  function storeWithCompetingWriter(stream: string, competing = () => changeDecisionTime(25)): EventStore {
    let raced = false;
    const competitor = new CommandHandler(opened.store, sampleDecider);
    return new Proxy(opened.store, {
      get(target, property, receiver) {
        if (property !== 'appendToStream') return Reflect.get(target, property, receiver);
        return async (...args: Parameters<EventStore['appendToStream']>) => {
          if (!raced) {
            raced = true;
            await competitor.handle(stream, competing());
          }
          return target.appendToStream(...args);
        };
      },
    });
  }

  describe('a command id sent again', () => {
    const asked = (request: object, m = metadata()) => ({ ...m, requestDigest: requestDigestOf(request) });

    it('answers the position of the original delivery, so a waiting caller sees the state after it', async () => {
      const stream = uniqueStream('procedure');
      await handler.handle(stream, register());
      const original = asked({ days: 20 });
      const first = await handler.handle(stream, changeDecisionTime(20, original));
      await handler.handle(stream, changeDecisionTime(10));

      const again = await handler.handle(stream, changeDecisionTime(20, original));

      expect(again).toMatchObject({ alreadyHandled: true, position: first.position });
    });

    it('is refused with another payload, and nothing is appended', async () => {
      const stream = uniqueStream('procedure');
      await handler.handle(stream, register());
      const original = asked({ days: 20 });
      await handler.handle(stream, changeDecisionTime(20, original));

      await expect(
        handler.handle(
          stream,
          changeDecisionTime(15, { ...original, requestDigest: requestDigestOf({ days: 15 }) }),
        ),
      ).rejects.toEqual(new CommandIdReused(original.commandId));
      expect(await storedIn(stream)).toHaveLength(2);
    });

    it('by another caller is another command: ids are scoped to who sends them', async () => {
      const stream = uniqueStream('procedure');
      await handler.handle(stream, register());
      const shared = asked({ days: 20 });
      await handler.handle(stream, changeDecisionTime(20, shared));

      const other = await handler.handle(
        stream,
        changeDecisionTime(10, { ...shared, actor: { id: 'user-8', role: 'cabinet' } }),
      );

      expect(other).toMatchObject({ alreadyHandled: false, revision: 3 });
    });

    it('twenty times at once appends once and answers every delivery with the same position', async () => {
      const stream = uniqueStream('procedure');
      await handler.handle(stream, register());
      const retried = asked({ days: 20 });
      const others = await Promise.all(Array.from({ length: 3 }, () => opened.reopen()));
      try {
        const handlers = [handler, ...others.map((store) => new CommandHandler(store, sampleDecider))];
        const outcomes = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            handlers[i % handlers.length]!.handle(stream, changeDecisionTime(20, retried)),
          ),
        );
        const stored = await storedIn(stream);
        expect(stored).toHaveLength(2);
        expect(new Set(outcomes.map((outcome) => outcome.position))).toEqual(new Set([stored[1]!.position]));
        expect(outcomes.filter((outcome) => outcome.appended.length > 0)).toHaveLength(1);
      } finally {
        await Promise.all(others.map((store) => store.close()));
      }
    });

    it('at once with two payloads lets one through and refuses the other', async () => {
      const stream = uniqueStream('procedure');
      await handler.handle(stream, register());
      const base = metadata();
      const racing = new CommandHandler(
        storeWithCompetingWriter(stream, () => changeDecisionTime(15, asked({ days: 15 }, base))),
        sampleDecider,
      );

      await expect(racing.handle(stream, changeDecisionTime(20, asked({ days: 20 }, base)))).rejects.toEqual(
        new CommandIdReused(base.commandId),
      );
      expect((await storedIn(stream)).map((e) => e.data).slice(1)).toEqual([{ from: 30, to: 15 }]);
    });

    it('at once with the same payload, where the other delivery got in first, answers that delivery', async () => {
      const stream = uniqueStream('procedure');
      await handler.handle(stream, register());
      // An earlier version of the command without a digest took the same id: a retry across an upgrade.
      const base = metadata();
      const racing = new CommandHandler(
        storeWithCompetingWriter(stream, () => changeDecisionTime(20, base)),
        sampleDecider,
      );

      const outcome = await racing.handle(stream, changeDecisionTime(20, asked({ days: 20 }, base)));

      const stored = await storedIn(stream);
      expect(stored).toHaveLength(2);
      expect(outcome).toMatchObject({ alreadyHandled: true, position: stored[1]!.position });
    });
  });

  it('keeps the reason and legal basis trimmed, and refuses one the text rules refuse', async () => {
    const stream = uniqueStream('procedure');
    await handler.handle(
      stream,
      register(metadata({ reason: '  baseline\n recorded  ', legalBasis: ' Decree 12 ' })),
    );
    expect((await storedIn(stream))[0]!.metadata).toMatchObject({
      reason: 'baseline\n recorded',
      legalBasis: 'Decree 12',
    });
    await expect(
      handler.handle(stream, changeDecisionTime(20, metadata({ reason: 'x'.repeat(2001) }))),
    ).rejects.toBeInstanceOf(TextTooLong);
    await expect(
      handler.handle(stream, changeDecisionTime(20, metadata({ legalBasis: 'Decree\u0000' }))),
    ).rejects.toBeInstanceOf(TextNotAllowed);
    expect(await storedIn(stream)).toHaveLength(1);
  });

  it('appends nothing when the command changes nothing', async () => {
    const stream = uniqueStream('procedure');
    await handler.handle(stream, register());
    const outcome = await handler.handle(stream, changeDecisionTime(30));
    expect(outcome).toMatchObject({ appended: [], revision: 1, alreadyHandled: false });
    expect(await storedIn(stream)).toHaveLength(1);
  });

  it('reports a conflict with the actual revision when the client saw an older revision', async () => {
    const stream = uniqueStream('procedure');
    await handler.handle(stream, register());
    await handler.handle(stream, changeDecisionTime(20));

    await expect(handler.handle(stream, changeDecisionTime(10), { expectedRevision: 1 })).rejects.toEqual(
      new AggregateRevisionConflict(stream, 1, 2),
    );
    expect(await storedIn(stream)).toHaveLength(2);
  });

  it('lets one of two writers with the same expected revision win and tells the other the actual revision', async () => {
    const stream = uniqueStream('procedure');
    await handler.handle(stream, register());
    const other = await opened.reopen();
    try {
      const otherHandler = new CommandHandler(other, sampleDecider);
      const results = await Promise.allSettled([
        handler.handle(stream, changeDecisionTime(20), { expectedRevision: 1 }),
        otherHandler.handle(stream, changeDecisionTime(10), { expectedRevision: 1 }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect(refused?.reason).toBeInstanceOf(AggregateRevisionConflict);
      expect(refused?.reason).toMatchObject({ expectedRevision: 1, actualRevision: 2 });
    } finally {
      await other.close();
    }
  });

  describe('when another writer appends between loading and appending', () => {
    it('returns the conflict by default', async () => {
      const stream = uniqueStream('procedure');
      await handler.handle(stream, register());
      const racing = new CommandHandler(storeWithCompetingWriter(stream), sampleDecider);
      await expect(racing.handle(stream, changeDecisionTime(10))).rejects.toMatchObject({
        actualRevision: 2,
      });
      expect((await storedIn(stream)).map((e) => e.data)).toEqual([expect.anything(), { from: 30, to: 25 }]);
    });

    it('decides again on the fresh state when the command declares retries safe', async () => {
      const stream = uniqueStream('procedure');
      await handler.handle(stream, register());
      const racing = new CommandHandler(storeWithCompetingWriter(stream), sampleDecider);
      const outcome = await racing.handle(stream, changeDecisionTime(10), { retriesOnConflict: 2 });
      expect(outcome.revision).toBe(3);
      expect((await storedIn(stream)).map((e) => e.data).slice(1)).toEqual([
        { from: 30, to: 25 },
        { from: 25, to: 10 },
      ]);
    });
  });

  it('lets a broken rule through as the domain error and appends nothing', async () => {
    const stream = uniqueStream('procedure');
    await handler.handle(stream, register());
    await expect(handler.handle(stream, changeDecisionTime(0))).rejects.toBeInstanceOf(DecisionTimeTooShort);
    expect(await storedIn(stream)).toHaveLength(1);
  });

  it.each([[''], ['has spaces'], ['x'.repeat(200)]])('refuses the command id %j', async (commandId) => {
    await expect(
      handler.handle(uniqueStream('procedure'), register(metadata({ commandId }))),
    ).rejects.toBeInstanceOf(InvalidCommand);
  });

  it.each([[-1], [1.5]])('refuses the expected revision %p', async (expectedRevision) => {
    await expect(
      handler.handle(uniqueStream('procedure'), register(), { expectedRevision }),
    ).rejects.toBeInstanceOf(InvalidCommand);
  });

  it('rebuilds the state at an earlier revision for time travel', async () => {
    const stream = uniqueStream('procedure');
    await handler.handle(stream, register());
    await handler.handle(stream, changeDecisionTime(20));
    await handler.handle(stream, changeDecisionTime(10));
    const { AggregateLoader } = await import('./aggregate-loader.js');
    const { UpcasterRegistry } = await import('./upcasting.js');
    const loader = new AggregateLoader(opened.store, sampleDecider, new UpcasterRegistry());
    expect((await loader.load(stream, { upToRevision: 2 })).state).toMatchObject({ decisionDays: 20 });
    expect((await loader.load(stream)).state).toMatchObject({ decisionDays: 10 });
  });
});
