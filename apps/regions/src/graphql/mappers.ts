import type { AuthorityRow, ReformStageRow, UnitRow } from '@redtape/regions-read-model';
import type { AuthorityKind, AuthorityLevel, ReformScope, UnitKind } from './enums.js';
import type { AdministrativeUnit, Authority, DataQualityNote, ReformStage } from './models.js';

export function toUnit(row: UnitRow): AdministrativeUnit {
  return {
    id: row.id,
    kind: row.kind as UnitKind,
    category: row.category,
    name: row.name,
    names: { en: row.name, ru: row.name_ru, ky: row.name_ky },
    isoCode: row.iso_code,
    soate: row.soate,
    pilot:
      row.pilot_stage === null || row.pilot_enrolled_on === null
        ? null
        : { stage: Number(row.pilot_stage), enrolledOn: row.pilot_enrolled_on },
    dataQuality: JSON.parse(row.data_quality) as DataQualityNote[],
    notes: row.notes,
    revision: Number(row.revision),
    parentId: row.parent_id,
  };
}

export function toAuthority(row: AuthorityRow): Authority {
  return {
    id: row.id,
    name: row.name,
    names: { en: row.name, ru: row.name_ru, ky: row.name_ky },
    level: row.level as AuthorityLevel,
    kind: row.kind as AuthorityKind,
    revision: Number(row.revision),
    unitId: row.unit_id,
  };
}

export function toReformStage(row: ReformStageRow): ReformStage {
  return {
    stage: Number(row.stage),
    title: row.title,
    scope: row.scope as ReformScope,
    startedOn: row.started_on,
    note: row.note,
  };
}
