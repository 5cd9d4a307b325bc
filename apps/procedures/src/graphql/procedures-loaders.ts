import type { ProcedureStatus, ReformMetrics } from '@redtape/procedures-domain';
import { rowsBy } from '@redtape/projections';
import type { RegionsMirrorQueries } from '@redtape/regions-mirror';
import { loaderById, PerRequestLoader } from '@redtape/service-kit';
import type { ProcedureRecord, ProceduresQueries } from '@redtape/procedures-read-model';

export interface UnitProceduresKey {
  readonly unitId: string;
  readonly status: ProcedureStatus | undefined;
}

/** A unit's reform figures now and at its baseline (the units below it included). */
export interface UnitMetrics {
  readonly now: ReformMetrics;
  readonly baselineDate: string | null;
  readonly baseline: ReformMetrics | null;
}

/**
 * What the procedures subgraph loads by id or by parent, batched per request: a list of units or
 * procedures then costs a few statements per field, not a few per item.
 */
export class ProceduresLoaders {
  readonly procedure: PerRequestLoader<string, ProcedureRecord | null>;
  readonly proceduresOfUnit: PerRequestLoader<UnitProceduresKey, ProcedureRecord[]>;
  readonly unitMetrics: PerRequestLoader<string, UnitMetrics | null>;

  constructor(queries: ProceduresQueries, mirror: RegionsMirrorQueries) {
    this.procedure = loaderById((ids) => queries.proceduresByIds(ids), null);
    this.proceduresOfUnit = new PerRequestLoader(
      (keys) => proceduresOfUnits(queries, keys),
      [],
      unitProceduresKey,
    );
    this.unitMetrics = loaderById((unitIds) => metricsOfUnits(queries, mirror, unitIds), null);
  }
}

function unitProceduresKey(key: UnitProceduresKey): string {
  return `${key.status ?? ''} ${key.unitId}`;
}

/** One statement per status asked for (a request asks for one, usually), whatever the number of units. */
async function proceduresOfUnits(
  queries: ProceduresQueries,
  keys: readonly UnitProceduresKey[],
): Promise<Map<string, ProcedureRecord[]>> {
  const found = new Map<string, ProcedureRecord[]>();
  for (const sameStatus of rowsBy(keys, (key) => key.status ?? '').values()) {
    const status = sameStatus[0]!.status;
    const byUnit = await queries.proceduresOfUnits(
      sameStatus.map((key) => key.unitId),
      status,
    );
    for (const [unitId, procedures] of byUnit) found.set(unitProceduresKey({ unitId, status }), procedures);
  }
  return found;
}

/**
 * Each unit's subtree and baseline in one statement each, the figures now in one, and those at the
 * baselines in one per distinct baseline date (the pilot's few enrollment days), not one per unit.
 */
async function metricsOfUnits(
  queries: ProceduresQueries,
  mirror: RegionsMirrorQueries,
  unitIds: readonly string[],
): Promise<Map<string, UnitMetrics>> {
  const subtrees = await mirror.descendantsOfUnits(unitIds);
  const baselines = await mirror.baselineDates(unitIds);
  const now = await queries.metricsOfUnitGroups(subtrees);
  const atBaseline = new Map<string, ReformMetrics>();
  const enrolled = unitIds.filter((id) => baselines.get(id) != null);
  for (const sameDay of rowsBy(enrolled, (id) => baselines.get(id)!).values()) {
    const day = baselines.get(sameDay[0]!)!;
    const groups = new Map(sameDay.map((id) => [id, subtrees.get(id) ?? []]));
    for (const [id, metrics] of await queries.metricsOfUnitGroups(groups, day)) atBaseline.set(id, metrics);
  }
  return new Map(
    unitIds.map((id) => [
      id,
      { now: now.get(id)!, baselineDate: baselines.get(id) ?? null, baseline: atBaseline.get(id) ?? null },
    ]),
  );
}
