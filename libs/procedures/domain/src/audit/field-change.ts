/** A value as JSON carries it: what audit trails store and show. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * One field that differs between two versions of a procedure. `before` is null when the field was
 * not set (a requirement or step added), `after` is null when it was cleared or removed.
 */
export type FieldChange = { field: string; before: JsonValue | null; after: JsonValue | null };
