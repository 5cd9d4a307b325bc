import type { ProcedureCommand } from '../commands/procedure-commands.js';
import { ReasonRequired } from '../errors/procedure-errors.js';

/** Every change after registration carries a non-blank `metadata.reason`, which the event metadata keeps. */
export function requireReason(command: ProcedureCommand): void {
  const reason = command.metadata.reason;
  if (typeof reason !== 'string' || reason.trim() === '') throw new ReasonRequired(command.type);
}
