import type { Generated, Kysely } from 'kysely';

/** Every event counted once, by ce_id: the dedupe. */
export interface SeenEventsTable {
  event_id: string;
  event_type: string;
  stream_id: string;
  stream_revision: number;
  event_time: string;
  kafka_topic: string;
  kafka_partition: number;
  kafka_offset: number;
  consumed_at: string;
}

/** The last revision counted per stream (ce_subject): what the next event is checked against. */
export interface StreamRevisionsTable {
  stream_id: string;
  last_revision: number;
  last_event_id: string;
  updated_at: string;
}

export type RevisionAnomalyKind = 'gap' | 'behind';

/** Every event whose revision was not the one expected for its stream. */
export interface RevisionGapsTable {
  id: Generated<number>;
  stream_id: string;
  kind: RevisionAnomalyKind;
  expected_revision: number;
  got_revision: number;
  event_id: string;
  event_type: string;
  event_time: string;
  kafka_topic: string;
  kafka_partition: number;
  kafka_offset: number;
  detected_at: string;
}

/** Messages that could not be read, kept whole so they can be looked at and fed again. */
export interface RejectedMessagesTable {
  kafka_topic: string;
  kafka_partition: number;
  kafka_offset: number;
  event_id: string | null;
  reason: string;
  message_key: string | null;
  /** The headers as a JSON object of strings. */
  headers: string;
  message_value: string | null;
  rejected_at: string;
}

/** Each procedure's current figures, folded from its events. */
export interface ProceduresTable {
  procedure_id: string;
  unit_id: string;
  status: string;
  requirements: number;
  decision_days: number;
  updated_at: string;
}

/** The unit an instruction was issued in: its completion and overdue events do not name it. */
export interface InstructionsTable {
  instruction_id: string;
  unit_id: string;
  updated_at: string;
}

/**
 * One row per administrative unit and day (in Bishkek) on which one of its events was counted. The
 * figures over procedures in force are the unit's at the end of the day (after every counted event
 * dated that day or earlier, whatever order they were read in); the other columns count that day's
 * events.
 */
export interface UnitDailyMetricsTable {
  unit_id: string;
  day: string;
  active_procedures: number;
  total_requirements: number;
  total_decision_days: number;
  average_decision_days: number | null;
  procedures_registered: number;
  procedures_abolished: number;
  instructions_issued: number;
  instructions_completed: number;
  instructions_overdue: number;
  updated_at: string;
}

export interface AnalyticsTables {
  seen_events: SeenEventsTable;
  stream_revisions: StreamRevisionsTable;
  revision_gaps: RevisionGapsTable;
  rejected_messages: RejectedMessagesTable;
  procedures: ProceduresTable;
  instructions: InstructionsTable;
  unit_daily_metrics: UnitDailyMetricsTable;
}

export type AnalyticsDb = Kysely<AnalyticsTables>;
