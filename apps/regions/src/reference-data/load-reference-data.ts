import { CommandHandler } from '@redtape/event-sourcing';
import type { EventStore } from '@redtape/event-store';
import {
  regionsUpcasters,
  authorityDecider,
  reformStageDecider,
  referenceDataCommands,
  unitDecider,
  type KgAdminUnitsDataset,
  type ReferenceDataCommand,
} from '@redtape/regions-domain';
import { readFileSync } from 'node:fs';

export interface ReferenceDataLoad {
  readonly commands: number;
  readonly appendedEvents: number;
  readonly alreadyRecorded: number;
}

export function readKgAdminUnits(): KgAdminUnitsDataset {
  const file = new URL('../../reference-data/kg-admin-units.json', import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')) as KgAdminUnitsDataset;
}

/**
 * Records the reference data through the same commands a person would send, so the load is part
 * of the history (actor `system`). Command ids come from the data, so loading again appends nothing.
 */
export async function loadReferenceData(
  store: EventStore,
  dataset: KgAdminUnitsDataset,
  now: Date,
): Promise<ReferenceDataLoad> {
  const units = new CommandHandler(store, unitDecider, regionsUpcasters);
  const authorities = new CommandHandler(store, authorityDecider, regionsUpcasters);
  const stages = new CommandHandler(store, reformStageDecider, regionsUpcasters);
  // Another replica may load at the same moment; a retry then finds the command already recorded.
  const retry = { retriesOnConflict: 2 };
  const handle = ({
    streamId,
    command,
  }: ReferenceDataCommand): Promise<{ appended: readonly unknown[]; alreadyHandled: boolean }> => {
    switch (command.type) {
      case 'StartReformStage':
        return stages.handle(streamId, command, retry);
      case 'RegisterUnit':
      case 'EnrollUnitInPilot':
        return units.handle(streamId, command, retry);
      case 'EstablishAuthority':
        return authorities.handle(streamId, command, retry);
    }
  };
  let appendedEvents = 0;
  let alreadyRecorded = 0;
  const commands = referenceDataCommands(dataset, { now });
  for (const entry of commands) {
    const outcome = await handle(entry);
    appendedEvents += outcome.appended.length;
    if (outcome.alreadyHandled) alreadyRecorded += 1;
  }
  return { commands: commands.length, appendedEvents, alreadyRecorded };
}
