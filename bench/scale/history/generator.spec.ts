import { afterAll, describe, expect, it } from '@jest/globals';
import { collect } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { procedureStream } from '@redtape/procedures-domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReferenceDataset } from './cache.js';
import { HistoryGenerator, PROBE_PROCEDURE_EVENTS, type HistoryManifest } from './generator.js';

const folder = mkdtempSync(join(tmpdir(), 'redtape-history-spec-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function generate(name: string, events: number, seed = 'spec') {
  const store = SqliteEventStore.open(join(folder, `${name}.db`));
  try {
    const manifest = await new HistoryGenerator(store, { events, seed }).run(readReferenceDataset());
    const recorded = await collect(store.readAll());
    return { manifest, recorded };
  } finally {
    await store.close();
  }
}

describe('the history generator', () => {
  let first: { manifest: HistoryManifest; recorded: Awaited<ReturnType<typeof generate>>['recorded'] };

  it('writes the reference data, then a mix of every context through the deciders', async () => {
    first = await generate('first', 3000);
    const { manifest, recorded } = first;
    expect(recorded.length).toBe(manifest.events);
    expect(manifest.events).toBeGreaterThanOrEqual(3000 + manifest.referenceDataEvents);
    expect(Object.keys(manifest.eventsByCategory)).toEqual(
      expect.arrayContaining([
        'unit',
        'authority',
        'reform-stage',
        'procedure',
        'official',
        'meeting',
        'instruction',
      ]),
    );
    expect(manifest.eventsByCategory['procedure']! / manifest.events).toBeGreaterThan(0.6);
    const types = new Set(recorded.map((event) => event.type));
    for (const type of [
      'ProcedureRegistered',
      'RequirementRemoved',
      'DecisionTimeChanged',
      'ReviewStarted',
      'OfficialAppointed',
      'InstructionIssued',
      'InstructionCompleted',
    ])
      expect(types).toContain(type);
  }, 60_000);

  it('keeps the probe cohort the same whatever the size of the history', async () => {
    const larger = await generate('larger', 6000);
    expect(larger.manifest.probe).toEqual(first.manifest.probe);
    expect(first.manifest.probe.procedureEvents).toBe(PROBE_PROCEDURE_EVENTS);
    const probeStream = (recorded: typeof first.recorded) =>
      recorded
        .filter((event) => event.streamId === procedureStream(first.manifest.probe.procedureId))
        .map((event) => ({ id: event.id, type: event.type, data: event.data, metadata: event.metadata }));
    expect(probeStream(larger.recorded)).toEqual(probeStream(first.recorded));
  }, 60_000);

  it('gives the same history for the same seed', async () => {
    const again = await generate('again', 3000);
    const shape = (recorded: typeof first.recorded) =>
      recorded.map((event) => [event.id, event.streamId, event.type]);
    expect(shape(again.recorded)).toEqual(shape(first.recorded));
    const other = await generate('other', 3000, 'another seed');
    expect(shape(other.recorded)).not.toEqual(shape(first.recorded));
  }, 60_000);
});
