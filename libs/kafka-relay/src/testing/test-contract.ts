import { UpcasterRegistry } from '@redtape/event-sourcing';
import type { EventStore, GlobalPosition, JsonObject, NewEvent } from '@redtape/event-store';
import { randomUUID } from 'node:crypto';
import type { IntegrationContract } from '../integration-events.js';

/** The streams of the test context: `case-<id>`. */
export const CASE_PREFIX = 'case-';

/** A context name no other test uses, so its topic is new too. */
export function uniqueContext(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}`;
}

/**
 * A small context for the tests: cases are opened, noted (stored v1 with `text`, upcast to v2 with
 * `note`) and closed. `internalScore` is stored but never published; `CaseArchived` has no mapping.
 */
export function testContract(context: string): IntegrationContract {
  return {
    context,
    filter: { streamPrefixes: [CASE_PREFIX] },
    upcasters: new UpcasterRegistry([
      {
        type: 'CaseNoted',
        fromVersion: 1,
        upcast: ({ text, ...rest }) => ({ ...rest, note: text ?? null }),
      },
    ]),
    catalog: {
      CaseOpened: {
        version: 1,
        map: ({ streamId, data }) => ({
          caseId: streamId.slice(CASE_PREFIX.length),
          title: data['title'] ?? null,
        }),
      },
      CaseNoted: {
        version: 2,
        map: ({ data }) => ({ note: data['note'] ?? null, seq: data['seq'] ?? null }),
      },
      CaseClosed: { version: 1, map: () => ({}) },
    },
  };
}

export const TEST_ACTOR = {
  id: 'official-7',
  role: 'official',
  unitId: 'district/nookat',
  name: 'A. Official',
};

/** Metadata as the command handler writes it. */
export function testMetadata(overrides: JsonObject = {}): JsonObject {
  const commandId = randomUUID();
  return {
    schemaVersion: 1,
    actor: TEST_ACTOR,
    commandId,
    correlationId: `corr-${commandId}`,
    causationId: `cause-${commandId}`,
    occurredAt: '2025-03-01T08:30:00.000Z',
    reason: 'pilot stage 2',
    legalBasis: 'Resolution No. 10a',
    ...overrides,
  };
}

export function caseNoted(seq: number): NewEvent {
  return {
    id: randomUUID(),
    type: 'CaseNoted',
    data: { text: `note ${seq}`, seq, internalScore: 42 },
    metadata: testMetadata({ schemaVersion: 1 }),
  };
}

/** Appends `count` CaseNoted events to the stream, one append each; returns the last position. */
export async function appendNotes(
  store: EventStore,
  streamId: string,
  count: number,
  firstSeq = 0,
): Promise<GlobalPosition> {
  let position = 0n;
  for (let i = 0; i < count; i++)
    ({ position } = await store.appendToStream(streamId, [caseNoted(firstSeq + i)], 'any'));
  return position;
}

/**
 * Appends `total` CaseNoted events spread over `streams` streams in a shuffled interleaving, a few
 * events per append, so that the global log mixes every stream.
 */
export async function appendInterleaved(
  store: EventStore,
  streamIds: readonly string[],
  total: number,
  options: { onAppend?: () => Promise<void> } = {},
): Promise<GlobalPosition> {
  const next = new Map(streamIds.map((id) => [id, 0]));
  let position = 0n;
  for (let appended = 0; appended < total;) {
    const streamId = streamIds[Math.floor(Math.random() * streamIds.length)]!;
    const count = Math.min(total - appended, 1 + Math.floor(Math.random() * 3));
    const first = next.get(streamId) ?? 0;
    const events = Array.from({ length: count }, (_, i) => caseNoted(first + i));
    ({ position } = await store.appendToStream(streamId, events, 'any'));
    next.set(streamId, first + count);
    appended += count;
    await options.onAppend?.();
  }
  return position;
}
