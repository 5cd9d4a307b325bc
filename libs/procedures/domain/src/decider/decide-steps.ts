import type { AddStep, RemoveStep, ReorderSteps } from '../commands/procedure-commands.js';
import { StepAlreadyExists, StepNotFound } from '../errors/step-errors.js';
import type { ProcedureEvent } from '../procedure-events.js';
import type { ProcedureDocument } from '../procedure-state.js';
import { requireId } from '../rules/ids.js';
import { normalizeStep, requirePermutation, requireStepPosition } from '../rules/steps.js';
import { sameJson } from '@redtape/event-sourcing';

export function decideAddStep(command: AddStep, procedure: ProcedureDocument): ProcedureEvent[] {
  const step = normalizeStep(command.data.step);
  // A client may send null for "no position": both mean after the last step.
  const asked = command.data.position ?? undefined;
  const existingAt = procedure.steps.findIndex((s) => s.stepId === step.stepId);
  if (existingAt >= 0) {
    // The same step at the same place (or anywhere, when no place was asked for) is already there.
    const samePlace = asked === undefined || asked === existingAt;
    if (samePlace && sameJson(procedure.steps[existingAt], step)) return [];
    throw new StepAlreadyExists(step.stepId);
  }
  const position = requireStepPosition(asked, procedure.steps.length);
  return [{ type: 'StepAdded', data: { step, position } }];
}

export function decideRemoveStep(command: RemoveStep, procedure: ProcedureDocument): ProcedureEvent[] {
  const stepId = requireId('stepId', command.data.stepId);
  const existing = procedure.steps.find((s) => s.stepId === stepId);
  if (!existing) throw new StepNotFound(stepId);
  return [{ type: 'StepRemoved', data: { stepId, description: existing.description } }];
}

export function decideReorderSteps(command: ReorderSteps, procedure: ProcedureDocument): ProcedureEvent[] {
  const from = procedure.steps.map((s) => s.stepId);
  const to = [...command.data.order];
  requirePermutation(from, to);
  if (sameJson(from, to)) return [];
  return [{ type: 'StepsReordered', data: { from, to } }];
}
