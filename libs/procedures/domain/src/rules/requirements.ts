import { DuplicateRequirementId, DuplicateRequirementName } from '../errors/requirement-errors.js';
import { InvalidDocumentCount, RequirementAsksForNothing } from '../errors/value-errors.js';
import { searchForm } from '@redtape/event-sourcing';
import type { Requirement } from '../procedure-events.js';
import { requireId } from './ids.js';
import { optionalProse, requiredText } from './text.js';

function requireCount(field: string, count: number): number {
  if (!Number.isSafeInteger(count) || count < 0) throw new InvalidDocumentCount(field, count);
  return count;
}

/** A requirement as it will be recorded: checked and trimmed, with a blank note as null. */
export function normalizeRequirement(requirement: Requirement, field = 'requirement'): Requirement {
  const requirementId = requireId(`${field}.requirementId`, requirement.requirementId);
  const name = requiredText(`${field}.name`, requirement.name);
  const originals = requireCount(`${field}.originals`, requirement.originals);
  const copies = requireCount(`${field}.copies`, requirement.copies);
  if (originals === 0 && copies === 0) throw new RequirementAsksForNothing(requirementId);
  const note = optionalProse(`${field}.note`, requirement.note);
  return { requirementId, name, originals, copies, note };
}

/** Refuses a requirement whose normalized name is already taken by another requirement of the procedure. */
export function requireDistinctName(requirement: Requirement, others: readonly Requirement[]): void {
  const name = searchForm(requirement.name);
  const clash = others.find(
    (other) => other.requirementId !== requirement.requirementId && searchForm(other.name) === name,
  );
  if (clash)
    throw new DuplicateRequirementName(
      requirement.requirementId,
      requirement.name,
      clash.requirementId,
      clash.name,
    );
}

/** A registration's requirements: each checked, no id and no normalized name twice. */
export function normalizeRequirements(requirements: readonly Requirement[]): Requirement[] {
  const normalized: Requirement[] = [];
  requirements.forEach((requirement, i) => {
    const next = normalizeRequirement(requirement, `requirements[${i}]`);
    if (normalized.some((earlier) => earlier.requirementId === next.requirementId))
      throw new DuplicateRequirementId(next.requirementId);
    requireDistinctName(next, normalized);
    normalized.push(next);
  });
  return normalized;
}
