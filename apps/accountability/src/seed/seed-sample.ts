/**
 * The accountability half of `npm run seed:sample` (after the procedures' half): records the
 * ILLUSTRATIVE officials, meeting, instructions and reports of sample-accountability.ts in the event
 * store of REDTAPE_DATA_DIR. Command ids derive from the sample, so running it again appends nothing.
 * Instructions whose deadline has passed turn OVERDUE through the service's own deadline watcher.
 */
import {
  INSTRUCTION_STREAM_PREFIX,
  instructionDecider,
  MEETING_STREAM_PREFIX,
  meetingDecider,
  OFFICIAL_STREAM_PREFIX,
  officialDecider,
  UNIT_REPORT_STREAM_PREFIX,
  unitReportDecider,
  type AccountabilityCommand,
} from '@redtape/accountability-domain';
import {
  CommandHandler,
  type Actor,
  type Command,
  type Decider,
  type DomainEvent,
} from '@redtape/event-sourcing';
import type { EventStore } from '@redtape/event-store';
import { SqliteEventStore } from '@redtape/event-store/sqlite';
import { dataDirSetting } from '@redtape/service-kit';
import { resolve } from 'node:path';
import { SAMPLE_ACCOUNTABILITY, type SampleAccountabilityChange } from './sample-accountability.js';

const SAMPLE_LABEL = '[illustrative sample, not a real decision]';
const SECRETARIAT: Actor = {
  id: 'sample-cabinet-secretariat',
  role: 'cabinet',
  name: 'Sample Cabinet secretariat (illustrative)',
};

function actorOf(change: SampleAccountabilityChange): Actor {
  return change.by === 'cabinet'
    ? SECRETARIAT
    : {
        id: change.by.officialId,
        role: 'official',
        unitId: change.by.unitId,
        name: `${change.by.officialId} (illustrative)`,
      };
}

export async function seedSampleAccountability(
  store: EventStore,
): Promise<{ changes: number; appendedEvents: number }> {
  const handlers: Record<string, CommandHandler<Command, DomainEvent, unknown>> = {};
  const handlerFor = (decider: Decider<never, never, unknown>) =>
    new CommandHandler(store, decider as unknown as Decider<Command, DomainEvent, unknown>);
  for (const [prefix, decider] of [
    [OFFICIAL_STREAM_PREFIX, officialDecider],
    [MEETING_STREAM_PREFIX, meetingDecider],
    [INSTRUCTION_STREAM_PREFIX, instructionDecider],
    [UNIT_REPORT_STREAM_PREFIX, unitReportDecider],
  ] as const)
    handlers[prefix] = handlerFor(decider as unknown as Decider<never, never, unknown>);
  let appendedEvents = 0;
  for (const [index, change] of SAMPLE_ACCOUNTABILITY.entries()) {
    const prefix = Object.keys(handlers).find((candidate) => change.streamId.startsWith(candidate))!;
    const command = {
      ...change.command,
      metadata: {
        commandId: `sample:accountability:${index}`,
        actor: actorOf(change),
        now: new Date(`${change.on}T09:00:00+06:00`),
        reason: `${SAMPLE_LABEL} ${change.reason}`,
      },
    } as AccountabilityCommand;
    const outcome = await handlers[prefix]!.handle(change.streamId, command);
    appendedEvents += outcome.appended.length;
  }
  return { changes: SAMPLE_ACCOUNTABILITY.length, appendedEvents };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const file = resolve(dataDirSetting(process.env), 'events.db');
  const store = SqliteEventStore.open(file);
  try {
    const result = await seedSampleAccountability(store);
    process.stdout.write(
      `illustrative accountability sample: ${result.changes} changes, ${result.appendedEvents} new events in ${file}\n`,
    );
  } finally {
    await store.close();
  }
}
