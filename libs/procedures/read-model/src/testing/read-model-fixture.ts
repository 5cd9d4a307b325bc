import type { Projection } from '@redtape/projections';
import { ProjectionsFixture } from '@redtape/projections/testing';
import { RegionsMirrorQueries, regionsMirrorProjection } from '@redtape/regions-mirror';
import { auditTrailProjection } from '../audit-trail.projection.js';
import { ProceduresQueries } from '../procedures-queries.js';
import { proceduresProjection } from '../procedures.projection.js';

export { WAIT_MS, tableContents } from '@redtape/projections/testing';

export const READ_SIDE_PROJECTIONS: readonly Projection[] = [
  regionsMirrorProjection,
  proceduresProjection,
  auditTrailProjection,
];

/** The procedures service's read models on real SQLite files, with its queries. */
export class ReadModelFixture extends ProjectionsFixture {
  readonly queries = new ProceduresQueries(this.db);
  readonly regions = new RegionsMirrorQueries(this.db);

  constructor(projections: readonly Projection[] = READ_SIDE_PROJECTIONS) {
    super('procedures', projections);
  }
}
