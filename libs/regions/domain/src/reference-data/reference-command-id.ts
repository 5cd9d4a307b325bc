import { InvalidReferenceData } from './invalid-reference-data.js';

const COMMAND_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const NOT_ALLOWED_IN_COMMAND_ID = /[^A-Za-z0-9_.:-]/g;

/**
 * A command id that is the same on every load of the same data, so that loading twice appends
 * nothing: `kg-admin-units:1.0:register:city.tokmok`. Command ids allow no slashes, hence the dots.
 */
export function referenceCommandId(
  dataset: string,
  version: string,
  action: string,
  id: string | number,
): string {
  const commandId = [dataset, version, action, String(id)]
    .map((part) => part.replace(NOT_ALLOWED_IN_COMMAND_ID, '.'))
    .join(':');
  if (!COMMAND_ID.test(commandId))
    throw new InvalidReferenceData(`cannot make a valid command id from ${commandId}`);
  return commandId;
}
