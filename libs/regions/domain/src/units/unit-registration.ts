import { normalizeNames } from '../shared/localized-names.js';
import { MAX_NAME_LENGTH, optionalText, requiredText } from '../shared/text.js';
import type { DataQualityNote, UnitRegisteredData } from './unit-events.js';
import { InvalidUnitId, InvalidUnitParent, UnitCategoryDoesNotFitKind } from './unit-errors.js';
import { isUnitId } from './unit-id.js';
import { ID_PREFIX_OF_KIND, KIND_OF_CATEGORY } from './unit-kinds.js';

const MAX_CODE_LENGTH = 32;
const MAX_NOTE_LENGTH = 2000;

function requireUnitId(field: string, value: string): string {
  if (!isUnitId(value))
    throw new InvalidUnitId(field, value, 'is not a unit id like region/talas or district/tup');
  return value;
}

function checkIdentity(data: UnitRegisteredData): void {
  requireUnitId('unitId', data.unitId);
  if (KIND_OF_CATEGORY[data.category] !== data.kind)
    throw new UnitCategoryDoesNotFitKind(data.kind, data.category);
  const prefix = ID_PREFIX_OF_KIND[data.kind];
  if (!data.unitId.startsWith(`${prefix}/`))
    throw new InvalidUnitId(
      'unitId',
      data.unitId,
      `must start with ${prefix}/ for a unit of kind ${data.kind}`,
    );
}

function checkedParent(data: UnitRegisteredData): string | null {
  if (data.kind === 'COUNTRY') {
    if (data.parentId !== null) throw new InvalidUnitParent(data.unitId, 'the country has no parent unit');
    return null;
  }
  if (data.parentId === null)
    throw new InvalidUnitParent(data.unitId, 'every unit below the country needs a parent');
  requireUnitId('parentId', data.parentId);
  if (data.parentId === data.unitId)
    throw new InvalidUnitParent(data.unitId, 'a unit cannot be its own parent');
  return data.parentId;
}

function distinctAliases(aliases: readonly string[]): string[] {
  const trimmed = aliases.map((alias) => alias.trim()).filter((alias) => alias !== '');
  return [...new Set(trimmed)];
}

function normalizedNotes(notes: readonly DataQualityNote[]): DataQualityNote[] {
  return notes.map((quality, i) => ({
    field: requiredText(`dataQuality[${i}].field`, quality.field, MAX_NAME_LENGTH),
    note: requiredText(`dataQuality[${i}].note`, quality.note, MAX_NOTE_LENGTH, 'prose'),
  }));
}

/** The registration as it will be recorded: checked, trimmed, with duplicate aliases dropped. */
export function normalizeRegistration(data: UnitRegisteredData): UnitRegisteredData {
  checkIdentity(data);
  return {
    unitId: data.unitId,
    kind: data.kind,
    category: data.category,
    names: normalizeNames(data.names),
    isoCode: optionalText('isoCode', data.isoCode, MAX_CODE_LENGTH) ?? null,
    soate: optionalText('soate', data.soate, MAX_CODE_LENGTH) ?? null,
    parentId: checkedParent(data),
    aliases: distinctAliases(data.aliases),
    dataQuality: normalizedNotes(data.dataQuality),
    notes: optionalText('notes', data.notes, MAX_NOTE_LENGTH, 'prose') ?? null,
  };
}
