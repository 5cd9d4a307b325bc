import type { RegionsMirrorTables } from '@redtape/regions-mirror';

/**
 * The procedures service's read model as readers see it: each name is a view over the current
 * generation of its projection's table. JSON columns hold text; times are ISO 8601 instants in UTC.
 */

/** A procedure as it stands now (`procedures` projection). */
export interface ProcedureRow {
  id: string;
  authority_id: string;
  unit_id: string;
  level: string;
  title: string;
  /** The title folded for search (see `searchForm`). */
  normalized_title: string;
  category: string;
  status: string;
  decision_days: number;
  fee_tyiyn: number | null;
  legal_basis: string | null;
  duplicate_of: string | null;
  merged_into: string | null;
  /** How many documents it asks for now. */
  requirement_count: number;
  /** JSON: the whole ProcedureDocument, the state the next event is folded onto. */
  document: string;
  /** Events applied to the procedure: 1 after its registration. */
  revision: number;
  registered_at: string;
  updated_at: string;
}

/** The current requirements of every procedure, for search (`procedures` projection). */
export interface ProcedureRequirementRow {
  procedure_id: string;
  requirement_id: string;
  name: string;
  /** The name folded for search (see `searchForm`). */
  normalized_name: string;
}

/**
 * One row per procedure event: the figures the reform is measured by, at each revision (`procedures`
 * projection). Not the document: time travel folds the event store, so a copy per event would only
 * weigh (it was more than half the read model at a million events).
 */
export interface ProcedureVersionRow {
  procedure_id: string;
  revision: number;
  occurred_at: string;
  status: string;
  requirement_count: number;
  decision_days: number;
  fee_tyiyn: number | null;
}

/** Who changed a procedure, when, why and what changed: one row per procedure event (`audit-trail` projection). */
export interface AuditEntryRow {
  event_id: string;
  procedure_id: string;
  unit_id: string;
  /** Events applied to the procedure after this one: 1 for its registration. */
  revision: number;
  /** Global position in the event log (a 64-bit integer; read it cast to text). */
  position: number | string | bigint;
  event_type: string;
  occurred_at: string;
  recorded_at: string;
  actor_id: string;
  actor_name: string | null;
  actor_role: string;
  actor_unit: string | null;
  reason: string | null;
  legal_basis: string | null;
  command_id: string;
  /** JSON: FieldChange[] from `diffProcedures(before, after)`. */
  changes: string;
}

/** The audit trail's own latest document per procedure, so that it depends on no other projection. */
export interface AuditDocumentRow {
  procedure_id: string;
  revision: number;
  /** JSON: ProcedureDocument. */
  document: string;
}

/** The regions mirror's `units` and `authorities`, and the procedures' own tables. */
export interface ProceduresTables extends RegionsMirrorTables {
  procedures: ProcedureRow;
  procedure_requirements: ProcedureRequirementRow;
  procedure_versions: ProcedureVersionRow;
  audit_entries: AuditEntryRow;
  audit_documents: AuditDocumentRow;
}
