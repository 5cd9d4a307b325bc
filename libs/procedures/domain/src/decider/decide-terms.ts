import type { ChangeDecisionTime, ChangeFee, ChangeLegalBasis } from '../commands/procedure-commands.js';
import type { ProcedureEvent } from '../procedure-events.js';
import type { ProcedureDocument } from '../procedure-state.js';
import { requireDecisionDays } from '../rules/decision-time.js';
import { requireFee } from '../rules/money.js';
import { optionalProse } from '../rules/text.js';
import { sameJson } from '@redtape/event-sourcing';

export function decideDecisionTime(
  command: ChangeDecisionTime,
  procedure: ProcedureDocument,
): ProcedureEvent[] {
  const to = requireDecisionDays(command.data.days);
  if (to === procedure.decisionDays) return [];
  return [{ type: 'DecisionTimeChanged', data: { from: procedure.decisionDays, to } }];
}

export function decideFee(command: ChangeFee, procedure: ProcedureDocument): ProcedureEvent[] {
  const to = requireFee('fee', command.data.fee);
  if (sameJson(to, procedure.fee)) return [];
  return [{ type: 'FeeChanged', data: { from: procedure.fee, to } }];
}

export function decideLegalBasis(command: ChangeLegalBasis, procedure: ProcedureDocument): ProcedureEvent[] {
  const to = optionalProse('legalBasis', command.data.legalBasis);
  if (to === procedure.legalBasis) return [];
  return [{ type: 'LegalBasisChanged', data: { from: procedure.legalBasis, to } }];
}
