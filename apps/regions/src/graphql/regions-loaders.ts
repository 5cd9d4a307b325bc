import { loaderById, PerRequestLoader } from '@redtape/service-kit';
import type { RegionsQueries } from '@redtape/regions-read-model';
import type { AuthorityRow, UnitRow } from '@redtape/regions-read-model';

/**
 * What the regions subgraph loads by id or by parent, batched per request: a list of units (or the
 * gateway's `_entities` for them) then costs one statement per field, not one per unit.
 */
export class RegionsLoaders {
  readonly unit: PerRequestLoader<string, UnitRow | null>;
  readonly children: PerRequestLoader<string, UnitRow[]>;
  readonly authority: PerRequestLoader<string, AuthorityRow | null>;
  readonly authoritiesOfUnit: PerRequestLoader<string, AuthorityRow[]>;
  readonly unitsInStage: PerRequestLoader<number, UnitRow[]>;

  constructor(queries: RegionsQueries) {
    this.unit = loaderById((ids) => queries.unitsByIds(ids), null);
    this.children = loaderById((ids) => queries.childrenOfUnits(ids), []);
    this.authority = loaderById((ids) => queries.authoritiesByIds(ids), null);
    this.authoritiesOfUnit = loaderById((ids) => queries.authoritiesOfUnits(ids), []);
    this.unitsInStage = new PerRequestLoader((stages) => queries.unitsInStages(stages), [], String);
  }
}
