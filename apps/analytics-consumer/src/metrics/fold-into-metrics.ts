import type { AnalyticsDb } from '../db/tables.js';
import type { Fact } from '../message/fact.js';
import {
  IN_FORCE_STATUSES,
  dayCountsOf,
  evolveProcedure,
  type DayCounts,
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
      const next = evolveProcedure(await procedureFigures(trx, fact.procedureId), fact);
      if (next === undefined) return `procedure ${fact.procedureId} was never registered here`;
      await saveProcedure(trx, fact.procedureId, next, now);
      await updateUnitDay(trx, next.unitId, day, dayCountsOf(fact), now);
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
      await updateUnitDay(trx, fact.unitId, day, dayCountsOf(fact), now);
      return null;
    case 'instruction-completed':
    case 'instruction-overdue': {
      const instruction = await trx
        .selectFrom('instructions')
        .select('unit_id')
        .where('instruction_id', '=', fact.instructionId)
        .executeTakeFirst();
      if (instruction === undefined) return `instruction ${fact.instructionId} was never issued here`;
      await updateUnitDay(trx, instruction.unit_id, day, dayCountsOf(fact), now);
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
 * Upserts the unit's row for the day: the figures over its procedures in force as they stand now,
 * and the day's counts increased by this event's.
 */
async function updateUnitDay(
  trx: AnalyticsDb,
  unitId: string,
  day: string,
  counts: DayCounts,
  now: string,
): Promise<void> {
  const inForce = await trx
    .selectFrom('procedures')
    .select((eb) => [
      eb.fn.countAll<number>().as('active'),
      eb.fn.coalesce(eb.fn.sum<number>('requirements'), eb.lit(0)).as('requirements'),
      eb.fn.coalesce(eb.fn.sum<number>('decision_days'), eb.lit(0)).as('decisionDays'),
    ])
    .where('unit_id', '=', unitId)
    .where('status', 'in', IN_FORCE_STATUSES)
    .executeTakeFirstOrThrow();
  const snapshot = {
    active_procedures: inForce.active,
    total_requirements: inForce.requirements,
    total_decision_days: inForce.decisionDays,
    average_decision_days: inForce.active === 0 ? null : inForce.decisionDays / inForce.active,
    updated_at: now,
  };
  await trx
    .insertInto('unit_daily_metrics')
    .values({
      unit_id: unitId,
      day,
      ...snapshot,
      procedures_registered: counts.proceduresRegistered,
      procedures_abolished: counts.proceduresAbolished,
      instructions_issued: counts.instructionsIssued,
      instructions_completed: counts.instructionsCompleted,
      instructions_overdue: counts.instructionsOverdue,
    })
    .onConflict((conflict) =>
      conflict.columns(['unit_id', 'day']).doUpdateSet((eb) => ({
        ...snapshot,
        procedures_registered: eb('procedures_registered', '+', counts.proceduresRegistered),
        procedures_abolished: eb('procedures_abolished', '+', counts.proceduresAbolished),
        instructions_issued: eb('instructions_issued', '+', counts.instructionsIssued),
        instructions_completed: eb('instructions_completed', '+', counts.instructionsCompleted),
        instructions_overdue: eb('instructions_overdue', '+', counts.instructionsOverdue),
      })),
    )
    .execute();
}
