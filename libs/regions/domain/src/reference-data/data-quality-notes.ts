import type { DataQualityNote } from '../units/unit-events.js';

const UNIT_ITSELF = 'unit';

/** Where a fact of the data file is recorded in a unit's registration, when the names differ. */
const FIELD_OF_DATA_PATH: Readonly<Record<string, string>> = { iso3166_2: 'isoCode' };

const DEFAULT_NOTE = 'marked unconfirmed in the reference data';
const UNIT_NOTE =
  'the reference data could not confirm this unit itself (its existence or its status); see its notes';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function noteOf(fact: Record<string, unknown>): string {
  return typeof fact['note'] === 'string' && fact['note'].trim() !== '' ? fact['note'] : DEFAULT_NOTE;
}

/**
 * One note for every fact anywhere in a unit's record that the data marks `unconfirmed: true`,
 * found by walking the whole record so that a flag on a fact nobody thought of is never lost.
 */
export function dataQualityNotes(record: unknown): DataQualityNote[] {
  const notes: DataQualityNote[] = [];
  const visit = (value: unknown, path: readonly string[]): void => {
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, String(i)]));
    if (!isObject(value)) return;
    if (value['unconfirmed'] === true) {
      const dataPath = path.join('.');
      notes.push(
        path.length === 0
          ? { field: UNIT_ITSELF, note: UNIT_NOTE }
          : { field: FIELD_OF_DATA_PATH[dataPath] ?? dataPath, note: noteOf(value) },
      );
    }
    for (const [key, child] of Object.entries(value)) visit(child, [...path, key]);
  };
  visit(record, []);
  return notes;
}
