import { DuplicateStepId, StepOrderNotAPermutation } from '../errors/step-errors.js';
import { InvalidStepPosition } from '../errors/value-errors.js';
import type { Step } from '../procedure-events.js';
import { requireId } from './ids.js';
import { optionalText, requiredText } from './text.js';

/** A step as it will be recorded: checked and trimmed, with a blank office as null. */
export function normalizeStep(step: Step, field = 'step'): Step {
  return {
    stepId: requireId(`${field}.stepId`, step.stepId),
    description: requiredText(`${field}.description`, step.description),
    office: optionalText(`${field}.office`, step.office),
  };
}

/** A registration's steps: each checked, no id twice. */
export function normalizeSteps(steps: readonly Step[]): Step[] {
  const normalized: Step[] = [];
  steps.forEach((step, i) => {
    const next = normalizeStep(step, `steps[${i}]`);
    if (normalized.some((earlier) => earlier.stepId === next.stepId)) throw new DuplicateStepId(next.stepId);
    normalized.push(next);
  });
  return normalized;
}

/** Where a new step goes: the given position (0 = first) or, without one, after the last step. */
export function requireStepPosition(position: number | undefined, stepCount: number): number {
  if (position === undefined) return stepCount;
  if (!Number.isSafeInteger(position) || position < 0 || position > stepCount)
    throw new InvalidStepPosition(position, stepCount);
  return position;
}

/** Refuses an order that does not name every current step exactly once. */
export function requirePermutation(current: readonly string[], order: readonly string[]): void {
  const known = new Set(current);
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const unknown = new Set<string>();
  for (const stepId of order) {
    if (!known.has(stepId)) unknown.add(stepId);
    else if (seen.has(stepId)) repeated.add(stepId);
    seen.add(stepId);
  }
  const missing = current.filter((stepId) => !seen.has(stepId));
  if (missing.length > 0 || unknown.size > 0 || repeated.size > 0)
    throw new StepOrderNotAPermutation(missing, [...unknown], [...repeated]);
}
