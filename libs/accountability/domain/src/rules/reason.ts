import type { AccountabilityCommand } from '../commands/accountability-commands.js';
import { ReasonRequired } from '../errors/rule-errors.js';

/** The command carries a non-blank `metadata.reason`, which the event metadata keeps. */
export function requireReason(command: AccountabilityCommand): void {
  const reason = command.metadata.reason;
  if (typeof reason !== 'string' || reason.trim() === '') throw new ReasonRequired(command.type);
}
