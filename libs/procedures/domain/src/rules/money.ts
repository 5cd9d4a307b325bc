import { InvalidFee } from '../errors/value-errors.js';
import type { Money } from '../procedure-events.js';

/** A fee as it will be recorded: whole tyiyn, 0 or more, in KGS; null for none. */
export function requireFee(field: string, fee: Money | null): Money | null {
  if (fee === null) return null;
  if (typeof fee !== 'object') throw new InvalidFee(field, 'is not an amount');
  if (fee.currency !== 'KGS')
    throw new InvalidFee(`${field}.currency`, `is ${JSON.stringify(fee.currency)}, not KGS`);
  if (!Number.isSafeInteger(fee.tyiyn) || fee.tyiyn < 0)
    throw new InvalidFee(`${field}.tyiyn`, `must be a whole number, 0 or more, not ${fee.tyiyn}`);
  return { tyiyn: fee.tyiyn, currency: 'KGS' };
}
