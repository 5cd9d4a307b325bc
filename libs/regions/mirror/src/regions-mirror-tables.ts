/**
 * The regions mirror as readers see it: each name is a view over the current generation of the
 * `regions-mirror` projection's table. A service's own tables interface extends this one.
 */

/** Mirrored from the regions' unit events. */
export interface UnitMirrorRow {
  id: string;
  kind: string;
  name: string;
  parent_id: string | null;
  pilot_stage: number | null;
  pilot_enrolled_on: string | null;
  /** Events of the unit's stream applied (1 after its registration); guards against stale updates. */
  revision: number;
}

/** Mirrored from the regions' AuthorityEstablished events. */
export interface AuthorityMirrorRow {
  id: string;
  unit_id: string;
  level: string;
  name: string;
}

export interface RegionsMirrorTables {
  units: UnitMirrorRow;
  authorities: AuthorityMirrorRow;
}
