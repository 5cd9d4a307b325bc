import type { InstructionStatus } from '@redtape/accountability-domain';
import { rowsBy } from '@redtape/projections';
import type { RegionsMirrorQueries } from '@redtape/regions-mirror';
import { loaderById, PerRequestLoader } from '@redtape/service-kit';
import type {
  AccountabilityQueries,
  InstructionRecord,
  MeetingRecord,
  OfficialRecord,
  ProgressReportRecord,
  ResponsibleOfficial,
  ScorecardRecord,
} from '@redtape/accountability-read-model';

/** A parent's instructions of one status, or of any. */
export interface InstructionsKey {
  readonly parentId: string;
  readonly status: InstructionStatus | undefined;
}

/** An official, and the unit of the position held now, whose baseline the scorecard counts from. */
export interface OfficialScorecardKey {
  readonly officialId: string;
  readonly unitId: string | null;
}

/**
 * What the accountability subgraph loads by id or by parent, batched per request: a list of units,
 * officials or instructions (or the gateway's `_entities` for them) then costs a fixed few statements
 * per field, not a few per item.
 */
export class AccountabilityLoaders {
  readonly official: PerRequestLoader<string, OfficialRecord | null>;
  readonly headOfUnit: PerRequestLoader<string, OfficialRecord | null>;
  readonly officialsOfUnit: PerRequestLoader<string, OfficialRecord[]>;
  readonly instruction: PerRequestLoader<string, InstructionRecord | null>;
  readonly reportsOfInstruction: PerRequestLoader<string, ProgressReportRecord[]>;
  readonly meeting: PerRequestLoader<string, MeetingRecord | null>;
  readonly instructionsOfOfficial: PerRequestLoader<InstructionsKey, InstructionRecord[]>;
  readonly instructionsOfUnit: PerRequestLoader<InstructionsKey, InstructionRecord[]>;
  readonly responsibleForProcedure: PerRequestLoader<string, ResponsibleOfficial | null>;
  readonly unitScorecard: PerRequestLoader<string, ScorecardRecord | null>;
  readonly officialScorecard: PerRequestLoader<OfficialScorecardKey, ScorecardRecord | null>;

  constructor(queries: AccountabilityQueries, mirror: RegionsMirrorQueries) {
    this.official = loaderById((ids) => queries.officialsByIds(ids), null);
    this.headOfUnit = loaderById((ids) => queries.headsOfUnits(ids), null);
    this.officialsOfUnit = loaderById((ids) => queries.officialsOfUnits(ids), []);
    this.instruction = loaderById((ids) => queries.instructionsByIds(ids), null);
    this.reportsOfInstruction = loaderById((ids) => queries.reportsOfInstructions(ids), []);
    this.meeting = loaderById((ids) => queries.meetingsByIds(ids), null);
    this.instructionsOfOfficial = new PerRequestLoader(
      (keys) => byStatus(keys, (officialIds, status) => queries.instructionsOfOfficials(officialIds, status)),
      [],
      instructionsKey,
    );
    this.instructionsOfUnit = new PerRequestLoader(
      async (keys) => {
        const subtrees = await mirror.descendantsOfUnits([...new Set(keys.map((key) => key.parentId))]);
        return byStatus(keys, (unitIds, status) =>
          queries.instructionsOfUnitGroups(
            new Map(unitIds.map((id) => [id, subtrees.get(id) ?? []])),
            status,
          ),
        );
      },
      [],
      instructionsKey,
    );
    this.responsibleForProcedure = loaderById((ids) => queries.responsibleOfficialsForProcedures(ids), null);
    this.unitScorecard = loaderById(async (unitIds) => {
      const subtrees = await mirror.descendantsOfUnits(unitIds);
      const baselines = await mirror.baselineDates(unitIds);
      return queries.scorecardsOfUnitGroups(
        new Map(
          unitIds.map((id) => [
            id,
            { unitIds: subtrees.get(id) ?? [], baseline: baselines.get(id) ?? undefined },
          ]),
        ),
      );
    }, null);
    this.officialScorecard = new PerRequestLoader(
      async (keys) => {
        const units = [...new Set(keys.flatMap((key) => (key.unitId === null ? [] : [key.unitId])))];
        const baselines = await mirror.baselineDates(units);
        const scorecards = await queries.scorecardsOfOfficials(
          new Map(
            keys.map((key) => [
              key.officialId,
              key.unitId === null ? undefined : (baselines.get(key.unitId) ?? undefined),
            ]),
          ),
        );
        return new Map(
          keys.flatMap((key) => {
            const scorecard = scorecards.get(key.officialId);
            return scorecard ? [[officialScorecardKey(key), scorecard] as const] : [];
          }),
        );
      },
      null,
      officialScorecardKey,
    );
  }
}

function instructionsKey(key: InstructionsKey): string {
  return `${key.status ?? ''} ${key.parentId}`;
}

function officialScorecardKey(key: OfficialScorecardKey): string {
  return `${key.officialId} ${key.unitId ?? ''}`;
}

/** One read per status asked for (a request asks for one, usually), whatever the number of parents. */
async function byStatus(
  keys: readonly InstructionsKey[],
  read: (
    parentIds: readonly string[],
    status: InstructionStatus | undefined,
  ) => Promise<ReadonlyMap<string, InstructionRecord[]>>,
): Promise<Map<string, InstructionRecord[]>> {
  const found = new Map<string, InstructionRecord[]>();
  for (const sameStatus of rowsBy(keys, (key) => key.status ?? '').values()) {
    const status = sameStatus[0]!.status;
    const byParent = await read([...new Set(sameStatus.map((key) => key.parentId))], status);
    for (const [parentId, instructions] of byParent)
      found.set(instructionsKey({ parentId, status }), instructions);
  }
  return found;
}
