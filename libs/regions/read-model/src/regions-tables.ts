/** The regions read model as readers see it (each name is a view over the current generation). */
export interface UnitRow {
  id: string;
  kind: string;
  category: string;
  name: string;
  name_ru: string | null;
  name_ky: string | null;
  iso_code: string | null;
  soate: string | null;
  parent_id: string | null;
  depth: number;
  pilot_stage: number | null;
  pilot_enrolled_on: string | null;
  data_quality: string;
  notes: string | null;
  revision: number;
}

export interface UnitSearchTermRow {
  unit_id: string;
  term: string;
}

export interface AuthorityRow {
  id: string;
  unit_id: string;
  kind: string;
  level: string;
  name: string;
  name_ru: string | null;
  name_ky: string | null;
  revision: number;
}

export interface ReformStageRow {
  stage: number;
  title: string;
  scope: string;
  started_on: string | null;
  note: string | null;
  revision: number;
}

export interface RegionsTables {
  units: UnitRow;
  unit_search_terms: UnitSearchTermRow;
  authorities: AuthorityRow;
  reform_stages: ReformStageRow;
}
