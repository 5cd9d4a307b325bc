import type { Projection } from '@redtape/projections';
import { ProjectionsFixture } from '@redtape/projections/testing';
import { RegionsMirrorQueries, regionsMirrorProjection } from '@redtape/regions-mirror';
import { AccountabilityQueries } from '../accountability-queries.js';
import { accountabilityProjection } from '../accountability.projection.js';
import { procedureOwnershipProjection } from '../procedure-ownership.projection.js';

export { WAIT_MS, tableContents } from '@redtape/projections/testing';

export const READ_SIDE_PROJECTIONS: readonly Projection[] = [
  regionsMirrorProjection,
  accountabilityProjection,
  procedureOwnershipProjection,
];

/** The accountability service's read models on real SQLite files, with its queries. */
export class ReadModelFixture extends ProjectionsFixture {
  readonly queries = new AccountabilityQueries(this.db);
  readonly regions = new RegionsMirrorQueries(this.db);

  constructor(projections: readonly Projection[] = READ_SIDE_PROJECTIONS) {
    super('accountability', projections);
  }
}
