import { sql } from 'kysely';
import type { AnalyticsDb } from '../db/tables.js';
import type { Fact } from '../message/fact.js';
import {
  NO_FIGURES,
  dayCountsOf,
  evolveProcedure,
  inForceDelta,
  type DayCounts,
  type InForceFigures,
  type ProcedureFigures,
} from './procedure-figures.js';

/**
 * Folds one event's fact into the helper tables and its unit's row for the day. Returns why the
 * event moved no figure when it should have (a procedure or instruction never seen here, a version
 * this consumer cannot read), or null.
 */
export async function foldIntoMetrics(
  trx: AnalyticsDb,
  fact: Fact,
  day: string,
  now: string,
): Promise<string | null> {
  switch (fact.kind) {
    case 'none':
      return null;
    case 'unsupported-version':
      return `${fact.ceType} is a version this consumer does not read`;
    case 'procedure-registered':
    case 'procedure-changed': {
      const before = await procedureFigures(trx, fact.procedureId);
      const next = evolveProcedure(before, fact);
      if (next === undefined) return `procedure ${fact.procedureId} was never registered here`;
      await saveProcedure(trx, fact.procedureId, next, now);
      await updateUnitDays(trx, next.unitId, day, dayCountsOf(fact), inForceDelta(before, next), now);
      return null;
    }
    case 'instruction-issued':
      await trx
        .insertInto('instructions')
        .values({ instruction_id: fact.instructionId, unit_id: fact.unitId, updated_at: now })
        .onConflict((conflict) =>
          conflict.column('instruction_id').doUpdateSet({ unit_id: fact.unitId, updated_at: now }),
        )
        .execute();
      await updateUnitDays(trx, fact.unitId, day, dayCountsOf(fact), NO_FIGURES, now);
      return null;
    case 'instruction-completed':
    case 'instruction-overdue': {
      const instruction = await trx
        .selectFrom('instructions')
        .select('unit_id')
        .where('instruction_id', '=', fact.instructionId)
        .executeTakeFirst();
      if (instruction === undefined) return `instruction ${fact.instructionId} was never issued here`;
      await updateUnitDays(trx, instruction.unit_id, day, dayCountsOf(fact), NO_FIGURES, now);
      return null;
    }
  }
}

async function procedureFigures(
  trx: AnalyticsDb,
  procedureId: string,
): Promise<ProcedureFigures | undefined> {
  const row = await trx
    .selectFrom('procedures')
    .select(['unit_id', 'status', 'requirements', 'decision_days'])
    .where('procedure_id', '=', procedureId)
    .executeTakeFirst();
  return row === undefined
    ? undefined
    : {
        unitId: row.unit_id,
        status: row.status,
        requirements: row.requirements,
        decisionDays: row.decision_days,
      };
}

async function saveProcedure(
  trx: AnalyticsDb,
  procedureId: string,
  figures: ProcedureFigures,
  now: string,
): Promise<void> {
  const row = {
    unit_id: figures.unitId,
    status: figures.status,
    requirements: figures.requirements,
    decision_days: figures.decisionDays,
    updated_at: now,
  };
  await trx
    .insertInto('procedures')
    .values({ procedure_id: procedureId, ...row })
    .onConflict((conflict) => conflict.column('procedure_id').doUpdateSet(row))
    .execute();
}

/**
 * Counts an event into its unit's rows. A row's figures over procedures in force sum the changes of
 * every event dated that day or earlier, so the event's change goes into its day's row and every later
 * row of the unit: the rows come out the same whatever order the streams were read in (Kafka keeps a
 * stream's order, not the order between streams). The day's counts go into the day's row only.
 */
async function updateUnitDays(
  trx: AnalyticsDb,
  unitId: string,
  day: string,
  counts: DayCounts,
  delta: InForceFigures,
  now: string,
): Promise<void> {
  await createDayRow(trx, unitId, day, now);
  if (delta.active !== 0 || delta.requirements !== 0 || delta.decisionDays !== 0) {
    const active = sql<number>`(active_procedures + ${delta.active})`;
    const decisionDays = sql<number>`(total_decision_days + ${delta.decisionDays})`;
    await trx
      .updateTable('unit_daily_metrics')
      .set({
        active_procedures: active,
        total_requirements: sql<number>`total_requirements + ${delta.requirements}`,
        total_decision_days: decisionDays,
        // SET reads the row as it was before the update, so the average is taken over the new figures.
        average_decision_days: sql<
          number | null
        >`case when ${active} = 0 then null else cast(${decisionDays} as real) / ${active} end`,
        updated_at: now,
      })
      .where('unit_id', '=', unitId)
      .where('day', '>=', day)
      .execute();
  }
  await trx
    .updateTable('unit_daily_metrics')
    .set((eb) => ({
      procedures_registered: eb('procedures_registered', '+', counts.proceduresRegistered),
      procedures_abolished: eb('procedures_abolished', '+', counts.proceduresAbolished),
      instructions_issued: eb('instructions_issued', '+', counts.instructionsIssued),
      instructions_completed: eb('instructions_completed', '+', counts.instructionsCompleted),
      instructions_overdue: eb('instructions_overdue', '+', counts.instructionsOverdue),
      updated_at: now,
    }))
    .where('unit_id', '=', unitId)
    .where('day', '=', day)
    .execute();
}

/**
 * The unit's row for the day, if it has none yet, with the figures of its nearest earlier row (no
 * event of the unit is dated in between, or that day would have a row) or none, and no counts.
 */
async function createDayRow(trx: AnalyticsDb, unitId: string, day: string, now: string): Promise<void> {
  const earlier = await trx
    .selectFrom('unit_daily_metrics')
    .select(['active_procedures', 'total_requirements', 'total_decision_days', 'average_decision_days'])
    .where('unit_id', '=', unitId)
    .where('day', '<', day)
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
  await trx
    .insertInto('unit_daily_metrics')
    .values({
      unit_id: unitId,
      day,
      active_procedures: earlier?.active_procedures ?? 0,
      total_requirements: earlier?.total_requirements ?? 0,
      total_decision_days: earlier?.total_decision_days ?? 0,
      average_decision_days: earlier?.average_decision_days ?? null,
      procedures_registered: 0,
      procedures_abolished: 0,
      instructions_issued: 0,
      instructions_completed: 0,
      instructions_overdue: 0,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.columns(['unit_id', 'day']).doNothing())
    .execute();
}
