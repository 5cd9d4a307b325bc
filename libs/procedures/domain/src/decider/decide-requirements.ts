import type {
  AddRequirement,
  RemoveRequirement,
  ReplaceRequirement,
} from '../commands/procedure-commands.js';
import { RequirementAlreadyExists, RequirementNotFound } from '../errors/requirement-errors.js';
import type { ProcedureEvent } from '../procedure-events.js';
import type { ProcedureDocument } from '../procedure-state.js';
import { requireId } from '../rules/ids.js';
import { normalizeRequirement, requireDistinctName } from '../rules/requirements.js';
import { sameJson } from '@redtape/event-sourcing';

export function decideAddRequirement(
  command: AddRequirement,
  procedure: ProcedureDocument,
): ProcedureEvent[] {
  const requirement = normalizeRequirement(command.data.requirement);
  const existing = procedure.requirements.find((r) => r.requirementId === requirement.requirementId);
  if (existing) {
    if (sameJson(existing, requirement)) return [];
    throw new RequirementAlreadyExists(requirement.requirementId);
  }
  requireDistinctName(requirement, procedure.requirements);
  return [{ type: 'RequirementAdded', data: { requirement } }];
}

export function decideRemoveRequirement(
  command: RemoveRequirement,
  procedure: ProcedureDocument,
): ProcedureEvent[] {
  const requirementId = requireId('requirementId', command.data.requirementId);
  const existing = procedure.requirements.find((r) => r.requirementId === requirementId);
  if (!existing) throw new RequirementNotFound(requirementId);
  return [{ type: 'RequirementRemoved', data: { requirementId, name: existing.name } }];
}

export function decideReplaceRequirement(
  command: ReplaceRequirement,
  procedure: ProcedureDocument,
): ProcedureEvent[] {
  const after = normalizeRequirement(command.data.requirement);
  const before = procedure.requirements.find((r) => r.requirementId === after.requirementId);
  if (!before) throw new RequirementNotFound(after.requirementId);
  if (sameJson(before, after)) return [];
  requireDistinctName(after, procedure.requirements);
  return [{ type: 'RequirementReplaced', data: { before, after } }];
}
