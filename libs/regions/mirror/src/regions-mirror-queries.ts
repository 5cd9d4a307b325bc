import type { ReadModels } from '@redtape/projections';
import { sql, type Kysely } from 'kysely';
import type { AuthorityMirrorRow, RegionsMirrorTables, UnitMirrorRow } from './regions-mirror-tables.js';

/** Deeper than the map can be (country, region, city or district, city district): stops a cycle in bad data. */
const MAX_DEPTH = 10;

/** Reads the mirrored administrative map. */
export class RegionsMirrorQueries {
  private readonly db: Kysely<RegionsMirrorTables>;

  /** Takes the read models of any service that runs the mirror next to its own projections. */
  constructor(db: ReadModels) {
    this.db = db as Kysely<RegionsMirrorTables>;
  }

  unit(id: string): Promise<UnitMirrorRow | undefined> {
    return this.db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  }

  authority(id: string): Promise<AuthorityMirrorRow | undefined> {
    return this.db.selectFrom('authorities').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * The unit's id, then its parent's, up to the top; undefined for a unit the mirror does not know.
   * A parent the mirror has not seen yet ends the chain.
   */
  async ancestry(unitId: string): Promise<string[] | undefined> {
    const rows = await this.db
      .withRecursive('chain(id, parent_id, hops)', (db) =>
        db
          .selectFrom('units')
          .select(['id', 'parent_id', sql<number>`0`.as('hops')])
          .where('id', '=', unitId)
          .unionAll(
            db
              .selectFrom('units')
              .innerJoin('chain', 'chain.parent_id', 'units.id')
              .select((eb) => ['units.id', 'units.parent_id', eb('chain.hops', '+', 1).as('hops')])
              .where('chain.hops', '<', MAX_DEPTH),
          ),
      )
      .selectFrom('chain')
      .select('id')
      .orderBy('hops')
      .execute();
    return rows.length === 0 ? undefined : rows.map((row) => row.id);
  }

  /** The unit's id and the ids of every unit below it, nearest first; empty for a unit the mirror does not know. */
  async descendants(unitId: string): Promise<string[]> {
    const rows = await this.db
      .withRecursive('subtree(id, hops)', (db) =>
        db
          .selectFrom('units')
          .select(['id', sql<number>`0`.as('hops')])
          .where('id', '=', unitId)
          .unionAll(
            db
              .selectFrom('units')
              .innerJoin('subtree', 'subtree.id', 'units.parent_id')
              .select((eb) => ['units.id', eb('subtree.hops', '+', 1).as('hops')])
              .where('subtree.hops', '<', MAX_DEPTH),
          ),
      )
      .selectFrom('subtree')
      .select((eb) => ['id', eb.fn.min<number>('hops').as('depth')])
      .groupBy('id')
      .orderBy('depth')
      .orderBy('id')
      .execute();
    return rows.map((row) => row.id);
  }

  /**
   * The day a unit's reform results are measured from: its own pilot enrollment date, or else that of
   * its nearest enrolled ancestor; null outside the pilot.
   */
  async baselineDate(unitId: string): Promise<string | null> {
    for (const id of (await this.ancestry(unitId)) ?? []) {
      const unit = await this.unit(id);
      if (unit?.pilot_enrolled_on) return unit.pilot_enrolled_on;
    }
    return null;
  }

  /** `descendants` of each unit, in one statement: by the unit's id, empty for a unit the mirror does not know. */
  async descendantsOfUnits(unitIds: readonly string[]): Promise<Map<string, string[]>> {
    const subtrees = new Map(unitIds.map((id) => [id, [] as string[]]));
    if (unitIds.length === 0) return subtrees;
    const rows = await this.db
      .withRecursive('subtree(root, id, hops)', (db) =>
        db
          .selectFrom('units')
          .select(['id as root', 'id', sql<number>`0`.as('hops')])
          .where('id', 'in', unitIds)
          .unionAll(
            db
              .selectFrom('units')
              .innerJoin('subtree', 'subtree.id', 'units.parent_id')
              .select((eb) => ['subtree.root', 'units.id', eb('subtree.hops', '+', 1).as('hops')])
              .where('subtree.hops', '<', MAX_DEPTH),
          ),
      )
      .selectFrom('subtree')
      .select((eb) => ['root', 'id', eb.fn.min<number>('hops').as('depth')])
      .groupBy(['root', 'id'])
      .orderBy('root')
      .orderBy('depth')
      .orderBy('id')
      .execute();
    for (const row of rows) subtrees.get(row.root)?.push(row.id);
    return subtrees;
  }

  /** `baselineDate` of each unit, in one statement: by the unit's id, null outside the pilot. */
  async baselineDates(unitIds: readonly string[]): Promise<Map<string, string | null>> {
    const baselines = new Map<string, string | null>(unitIds.map((id) => [id, null]));
    if (unitIds.length === 0) return baselines;
    const rows = await this.db
      .withRecursive('chain(root, parent_id, hops, enrolled_on)', (db) =>
        db
          .selectFrom('units')
          .select(['id as root', 'parent_id', sql<number>`0`.as('hops'), 'pilot_enrolled_on as enrolled_on'])
          .where('id', 'in', unitIds)
          .unionAll(
            db
              .selectFrom('units')
              .innerJoin('chain', 'chain.parent_id', 'units.id')
              .select((eb) => [
                'chain.root',
                'units.parent_id',
                eb('chain.hops', '+', 1).as('hops'),
                'units.pilot_enrolled_on as enrolled_on',
              ])
              .where('chain.hops', '<', MAX_DEPTH),
          ),
      )
      .selectFrom('chain')
      .select(['root', 'enrolled_on'])
      .where('enrolled_on', 'is not', null)
      .orderBy('root')
      .orderBy('hops', 'desc')
      .execute();
    // Nearest last: the unit's own date, or its nearest enrolled ancestor's, is the one that stays.
    for (const row of rows) baselines.set(row.root, row.enrolled_on);
    return baselines;
  }
}
