import type { Kysely } from 'kysely';
import { rowBy, rowsBy } from '@redtape/projections';
import { foldForSearch } from '@redtape/regions-domain';
import type { AuthorityRow, RegionsTables, ReformStageRow, UnitRow } from './regions-tables.js';

export interface UnitFilter {
  readonly kind?: string | undefined;
  readonly pilot?: boolean | undefined;
  readonly search?: string | undefined;
}

const MAX_ANCESTRY = 10;

/** Everything the regions API reads, from the read model only (never from the event store). */
export class RegionsQueries {
  constructor(private readonly db: Kysely<RegionsTables>) {}

  unit(id: string): Promise<UnitRow | undefined> {
    return this.db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async units(filter: UnitFilter): Promise<UnitRow[]> {
    let query = this.db.selectFrom('units').selectAll();
    if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
    if (filter.pilot !== undefined) query = query.where('pilot_stage', filter.pilot ? 'is not' : 'is', null);
    if (filter.search !== undefined) {
      const term = foldForSearch(filter.search).replace(/[%_\\]/g, '');
      if (term.length === 0) return [];
      const matching = this.db
        .selectFrom('unit_search_terms')
        .select('unit_id')
        .where('term', 'like', `%${term}%`);
      query = query.where('id', 'in', matching);
      const rows = await query.orderBy('depth').orderBy('name').execute();
      const exact = new Set(
        (
          await this.db.selectFrom('unit_search_terms').select('unit_id').where('term', '=', term).execute()
        ).map((r) => r.unit_id),
      );
      return [...rows.filter((row) => exact.has(row.id)), ...rows.filter((row) => !exact.has(row.id))];
    }
    return query.orderBy('depth').orderBy('name').execute();
  }

  children(parentId: string): Promise<UnitRow[]> {
    return this.db
      .selectFrom('units')
      .selectAll()
      .where('parent_id', '=', parentId)
      .orderBy('kind')
      .orderBy('name')
      .execute();
  }

  /** The unit's id, then its parent's, up to the top: what authorization checks against. */
  async ancestry(unitId: string): Promise<string[] | undefined> {
    const chain: string[] = [];
    let current: string | null = unitId;
    while (current !== null && chain.length < MAX_ANCESTRY) {
      const row: { parent_id: string | null } | undefined = await this.db
        .selectFrom('units')
        .select('parent_id')
        .where('id', '=', current)
        .executeTakeFirst();
      if (!row) return chain.length === 0 ? undefined : chain;
      chain.push(current);
      current = row.parent_id;
    }
    return chain;
  }

  authority(id: string): Promise<AuthorityRow | undefined> {
    return this.db.selectFrom('authorities').selectAll().where('id', '=', id).executeTakeFirst();
  }

  authoritiesOf(unitId: string): Promise<AuthorityRow[]> {
    return this.db
      .selectFrom('authorities')
      .selectAll()
      .where('unit_id', '=', unitId)
      .orderBy('name')
      .execute();
  }

  reformStages(): Promise<ReformStageRow[]> {
    return this.db.selectFrom('reform_stages').selectAll().orderBy('stage').execute();
  }

  reformStage(stage: number): Promise<ReformStageRow | undefined> {
    return this.db.selectFrom('reform_stages').selectAll().where('stage', '=', stage).executeTakeFirst();
  }

  unitsInStage(stage: number): Promise<UnitRow[]> {
    return this.db
      .selectFrom('units')
      .selectAll()
      .where('pilot_stage', '=', stage)
      .orderBy('depth')
      .orderBy('name')
      .execute();
  }

  // Batches: one statement for every id or parent a GraphQL request asks for (see RegionsLoaders).

  async unitsByIds(ids: readonly string[]): Promise<Map<string, UnitRow>> {
    if (ids.length === 0) return new Map();
    return rowBy(
      await this.db.selectFrom('units').selectAll().where('id', 'in', ids).execute(),
      (row) => row.id,
    );
  }

  /** Each parent's children, ordered as `children`. */
  async childrenOfUnits(parentIds: readonly string[]): Promise<Map<string, UnitRow[]>> {
    if (parentIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('units')
      .selectAll()
      .where('parent_id', 'in', parentIds)
      .orderBy('kind')
      .orderBy('name')
      .execute();
    return rowsBy(rows, (row) => row.parent_id!);
  }

  async authoritiesByIds(ids: readonly string[]): Promise<Map<string, AuthorityRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('authorities').selectAll().where('id', 'in', ids).execute();
    return rowBy(rows, (row) => row.id);
  }

  /** Each unit's authorities, ordered as `authoritiesOf`. */
  async authoritiesOfUnits(unitIds: readonly string[]): Promise<Map<string, AuthorityRow[]>> {
    if (unitIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('authorities')
      .selectAll()
      .where('unit_id', 'in', unitIds)
      .orderBy('name')
      .execute();
    return rowsBy(rows, (row) => row.unit_id);
  }

  /** Each stage's units (by the stage's number as text), ordered as `unitsInStage`. */
  async unitsInStages(stages: readonly number[]): Promise<Map<string, UnitRow[]>> {
    if (stages.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('units')
      .selectAll()
      .where('pilot_stage', 'in', stages)
      .orderBy('depth')
      .orderBy('name')
      .execute();
    return rowsBy(rows, (row) => String(row.pilot_stage));
  }
}
