export { regionsMirrorProjection } from './regions-mirror.projection.js';
export { RegionsMirrorQueries } from './regions-mirror-queries.js';
export type { AuthorityMirrorRow, RegionsMirrorTables, UnitMirrorRow } from './regions-mirror-tables.js';
