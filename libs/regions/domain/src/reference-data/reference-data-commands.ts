import type { Actor, CommandMetadata } from '@redtape/event-sourcing';
import type { EstablishAuthority } from '../authorities/authority-commands.js';
import { defaultAuthorityOf } from '../authorities/default-authority.js';
import type { StartReformStage } from '../reform-stages/reform-stage-commands.js';
import {
  DEBUREAUCRATIZATION_STAGES,
  REGIONAL_STAGE,
  REGIONAL_STAGE_STARTED_ON,
} from '../reform-stages/debureaucratization-stages.js';
import { authorityStream, reformStageStream, unitStream } from '../streams.js';
import type { EnrollUnitInPilot, RegisterUnit } from '../units/unit-commands.js';
import type { UnitRegisteredData } from '../units/unit-events.js';
import { InvalidReferenceData } from './invalid-reference-data.js';
import type { KgAdminUnitsDataset } from './kg-admin-units-dataset.js';
import { referenceCommandId } from './reference-command-id.js';
import { unitRegistrations } from './unit-registrations.js';

export const REFERENCE_DATA_LOADER: Actor = { id: 'system', role: 'system', name: 'reference data loader' };

/** A command and the stream it is meant for, in the order a load must handle them. */
export type ReferenceDataCommand =
  | { streamId: string; command: StartReformStage }
  | { streamId: string; command: RegisterUnit }
  | { streamId: string; command: EstablishAuthority }
  | { streamId: string; command: EnrollUnitInPilot };

export interface ReferenceDataOptions {
  /** When the load runs; the domain never reads the clock itself. */
  readonly now: Date;
}

function pilotUnits(
  dataset: KgAdminUnitsDataset,
  units: readonly UnitRegisteredData[],
): UnitRegisteredData[] {
  return dataset.pilot.units.map(({ label, unitId }) => {
    const unit = units.find((candidate) => candidate.unitId === unitId);
    if (!unit)
      throw new InvalidReferenceData(`pilot unit ${label} maps to ${unitId}, which is not in the data`);
    return unit;
  });
}

/**
 * The commands that record a reference data set: the reform stages, then every unit (parents
 * before children), then each unit's default authority, then the stage 2 pilot enrollments. Their
 * command ids depend only on the data, so a second load of the same data appends nothing.
 */
export function referenceDataCommands(
  dataset: KgAdminUnitsDataset,
  options: ReferenceDataOptions,
): ReferenceDataCommand[] {
  const { dataset: name, version } = dataset;
  const metadata = (action: string, id: string | number): CommandMetadata => ({
    commandId: referenceCommandId(name, version, action, id),
    actor: REFERENCE_DATA_LOADER,
    now: options.now,
    correlationId: referenceCommandId(name, version, 'load', 'all'),
    reason: `loaded from reference data set ${name}, version ${version}`,
  });

  const units = unitRegistrations(dataset);

  const stages = DEBUREAUCRATIZATION_STAGES.map((stage) => ({
    streamId: reformStageStream(stage.stage),
    command: {
      type: 'StartReformStage',
      data: { ...stage },
      metadata: metadata('start-stage', stage.stage),
    } satisfies StartReformStage,
  }));

  const registrations = units.map((unit) => ({
    streamId: unitStream(unit.unitId),
    command: {
      type: 'RegisterUnit',
      data: unit,
      metadata: metadata('register', unit.unitId),
    } satisfies RegisterUnit,
  }));

  const authorities = units.map((unit) => {
    const authority = defaultAuthorityOf(unit);
    const data = { ...authority, unitId: unit.unitId, unitKind: unit.kind };
    return {
      streamId: authorityStream(authority.authorityId),
      command: {
        type: 'EstablishAuthority',
        data,
        metadata: metadata('establish', authority.authorityId),
      } satisfies EstablishAuthority,
    };
  });

  const enrollments = pilotUnits(dataset, units).map((unit) => ({
    streamId: unitStream(unit.unitId),
    command: {
      type: 'EnrollUnitInPilot',
      data: {
        stage: REGIONAL_STAGE,
        enrolledOn: REGIONAL_STAGE_STARTED_ON,
        stageStartedOn: REGIONAL_STAGE_STARTED_ON,
      },
      metadata: metadata(`enroll-in-stage-${REGIONAL_STAGE}`, unit.unitId),
    } satisfies EnrollUnitInPilot,
  }));

  return [...stages, ...registrations, ...authorities, ...enrollments];
}
