import { InvalidGovernmentLevel } from '../errors/value-errors.js';
import type { GovernmentLevel } from '../procedure-events.js';

export const GOVERNMENT_LEVELS: readonly GovernmentLevel[] = ['CENTRAL', 'REGIONAL', 'CITY', 'DISTRICT'];

export function requireGovernmentLevel(level: GovernmentLevel): GovernmentLevel {
  if (!GOVERNMENT_LEVELS.includes(level)) throw new InvalidGovernmentLevel(String(level));
  return level;
}
