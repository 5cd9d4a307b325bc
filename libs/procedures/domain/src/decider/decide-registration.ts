import type { RegisterProcedure } from '../commands/procedure-commands.js';
import { ProcedureAlreadyRegistered } from '../errors/procedure-errors.js';
import type { ProcedureEvent, ProcedureRegisteredData } from '../procedure-events.js';
import type { ProcedureDocument, ProcedureState } from '../procedure-state.js';
import { requireDecisionDays } from '../rules/decision-time.js';
import { requireGovernmentLevel } from '../rules/government-level.js';
import { requireId } from '../rules/ids.js';
import { requireFee } from '../rules/money.js';
import { normalizeRequirements } from '../rules/requirements.js';
import { normalizeSteps } from '../rules/steps.js';
import { optionalProse, requiredText } from '../rules/text.js';
import { sameJson } from '@redtape/event-sourcing';

/** The registration as it will be recorded: every part checked and trimmed. */
export function registrationOf(data: RegisterProcedure['data']): ProcedureRegisteredData {
  return {
    procedureId: requireId('procedureId', data.procedureId),
    authorityId: requiredText('authorityId', data.authorityId),
    unitId: requiredText('unitId', data.unitId),
    level: requireGovernmentLevel(data.level),
    title: requiredText('title', data.title),
    category: requiredText('category', data.category),
    requirements: normalizeRequirements(data.requirements),
    steps: normalizeSteps(data.steps),
    decisionDays: requireDecisionDays(data.decisionDays),
    fee: requireFee('fee', data.fee),
    legalBasis: optionalProse('legalBasis', data.legalBasis),
    status: data.asDraft === true ? 'DRAFT' : 'ACTIVE',
  };
}

// What a registration says about the procedure itself; the status moves on by its own commands.
const CONTENT: readonly (keyof ProcedureRegisteredData & keyof ProcedureDocument)[] = [
  'procedureId',
  'authorityId',
  'unitId',
  'level',
  'title',
  'category',
  'requirements',
  'steps',
  'decisionDays',
  'fee',
  'legalBasis',
];

export function decideRegistration(command: RegisterProcedure, state: ProcedureState): ProcedureEvent[] {
  const registration = registrationOf(command.data);
  if (state.status === 'unregistered') return [{ type: 'ProcedureRegistered', data: registration }];
  // The same registration told again (a retried import) is no news; other details are a real conflict.
  const procedure = state.procedure;
  if (CONTENT.every((field) => sameJson(registration[field], procedure[field]))) return [];
  throw new ProcedureAlreadyRegistered(registration.procedureId);
}
