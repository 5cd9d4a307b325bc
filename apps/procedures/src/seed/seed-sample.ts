/**
 * `npm run seed:sample`: records the ILLUSTRATIVE sample procedures (sample-history.ts) in the event
 * store of REDTAPE_DATA_DIR, through the same decider as the API, dated as the sample says. Run
 * `npm start` once before, so that the regions' reference data (the authorities) is recorded. Running it
 * again appends nothing: command ids derive from the sample.
 */
import { CommandHandler, type Actor } from '@redtape/event-sourcing';
import { StreamNotFound, collect, type EventStore } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import {
  proceduresUpcasters,
  procedureDecider,
  procedureStream,
  type ProcedureCommand,
} from '@redtape/procedures-domain';
import { dataDirSetting } from '@redtape/service-kit';
import { resolve } from 'node:path';
import { SAMPLE_HISTORY, type SampleChange } from './sample-history.js';

const SAMPLE_LABEL = '[illustrative sample, not a real decision]';

function sampleOfficial(authorityId: string, unitId: string): Actor {
  return {
    id: `sample-official:${authorityId}`,
    role: 'official',
    name: `Sample official of ${authorityId} (illustrative)`,
    unitId,
  };
}

/** The unit and level the regions context recorded for an authority. */
async function authorityFacts(
  store: EventStore,
  authorityId: string,
): Promise<{ unitId: string; level: string }> {
  try {
    const [established] = await collect(store.readStream(`authority-${authorityId}`, { maxCount: 1 }));
    const data = established!.data as { unitId: string; level: string };
    return { unitId: data.unitId, level: data.level };
  } catch (error) {
    if (error instanceof StreamNotFound)
      throw new Error(
        `authority ${authorityId} is not recorded yet: run \`npm start\` once so the reference data is loaded`,
      );
    throw error;
  }
}

async function commandFor(store: EventStore, change: SampleChange, index: number): Promise<ProcedureCommand> {
  const { unitId, level } = await authorityFacts(store, change.by);
  const data =
    change.command.type === 'RegisterProcedure'
      ? { ...change.command.data, unitId, level }
      : change.command.data;
  return {
    ...change.command,
    data,
    metadata: {
      commandId: `sample:${change.procedureId}:${index}`,
      actor: sampleOfficial(change.by, unitId),
      // 09:00 in Bishkek (UTC+6) on the day the sample names.
      now: new Date(`${change.on}T09:00:00+06:00`),
      reason: `${SAMPLE_LABEL} ${change.reason}`,
      ...(change.legalBasis ? { legalBasis: change.legalBasis } : {}),
    },
  } as ProcedureCommand;
}

export async function seedSample(store: EventStore): Promise<{ changes: number; appendedEvents: number }> {
  const handler = new CommandHandler(store, procedureDecider, proceduresUpcasters);
  let appendedEvents = 0;
  for (const [index, change] of SAMPLE_HISTORY.entries()) {
    const outcome = await handler.handle(
      procedureStream(change.procedureId),
      await commandFor(store, change, index),
    );
    appendedEvents += outcome.appended.length;
  }
  return { changes: SAMPLE_HISTORY.length, appendedEvents };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const file = resolve(dataDirSetting(process.env), 'events.db');
  const store = SqliteEventStore.open(file);
  try {
    const result = await seedSample(store);
    process.stdout.write(
      `illustrative sample: ${result.changes} changes, ${result.appendedEvents} new events in ${file}\n`,
    );
  } finally {
    await store.close();
  }
}
