import type { ProcedureDocument } from '../procedure-state.js';
import { sameJson } from '@redtape/event-sourcing';
import type { FieldChange, JsonValue } from './field-change.js';

// The order in which changes are listed: who and what the procedure is, its lifecycle, its terms.
const FIELDS = [
  'procedureId',
  'authorityId',
  'unitId',
  'level',
  'title',
  'category',
  'status',
  'decisionDays',
  'fee',
  'legalBasis',
  'duplicateOf',
  'mergedInto',
] as const satisfies readonly (keyof ProcedureDocument)[];

/** A copy, so that a change list never shares objects with the documents it was made from. */
function copy(value: JsonValue | null): JsonValue | null {
  return value !== null && typeof value === 'object'
    ? (JSON.parse(JSON.stringify(value)) as JsonValue)
    : value;
}

function change(field: string, before: JsonValue | null, after: JsonValue | null): FieldChange {
  return { field, before: copy(before), after: copy(after) };
}

/**
 * `<prefix>.<id>` for each item added (before null), removed (after null) or changed (both), in the
 * order the items had before, then the order of the new ones.
 */
function diffItems<T extends { [key: string]: JsonValue }>(
  prefix: string,
  before: readonly T[],
  after: readonly T[],
  idOf: (item: T) => string,
): FieldChange[] {
  // The fold keeps a list it did not change (the same array), and most events change one list at
  // most: nothing to compare item by item (the maps below cost most of the audit trail's diff).
  if (before === after) return [];
  const beforeById = new Map(before.map((item) => [idOf(item), item]));
  const afterById = new Map(after.map((item) => [idOf(item), item]));
  const ids = [...new Set([...beforeById.keys(), ...afterById.keys()])];
  return ids.flatMap((id) => {
    const was = beforeById.get(id) ?? null;
    const is = afterById.get(id) ?? null;
    return sameJson(was, is) ? [] : [change(`${prefix}.${id}`, was, is)];
  });
}

/**
 * `steps.order` when the steps present in both versions stand in another order (with the full lists
 * of step ids before and after). A step only added or removed is told by its own `steps.<id>` entry.
 */
function diffStepOrder(before: readonly string[], after: readonly string[]): FieldChange[] {
  const kept = new Set(before.filter((id) => after.includes(id)));
  const keptBefore = before.filter((id) => kept.has(id));
  const keptAfter = after.filter((id) => kept.has(id));
  return sameJson(keptBefore, keptAfter) ? [] : [change('steps.order', [...before], [...after])];
}

/**
 * What differs between two versions of a procedure, field by field and always in the same order:
 * the scalar fields (`title`, `status`, `decisionDays`, `fee`, …), then `requirements.<id>`, then
 * `steps.<id>`, then `steps.order`. With no version before (the registration) every field that is
 * set is listed. Unchanged fields are left out.
 */
export function diffProcedures(before: ProcedureDocument | null, after: ProcedureDocument): FieldChange[] {
  const scalars = FIELDS.flatMap((field) => {
    const was = before === null ? null : before[field];
    const is = after[field];
    return sameJson(was, is) ? [] : [change(field, was, is)];
  });
  const stepIds = (document: ProcedureDocument | null) => document?.steps.map((step) => step.stepId) ?? [];
  const sameSteps = before?.steps === after.steps;
  return [
    ...scalars,
    ...diffItems('requirements', before?.requirements ?? [], after.requirements, (r) => r.requirementId),
    ...diffItems('steps', before?.steps ?? [], after.steps, (s) => s.stepId),
    ...(sameSteps ? [] : diffStepOrder(stepIds(before), stepIds(after))),
  ];
}
