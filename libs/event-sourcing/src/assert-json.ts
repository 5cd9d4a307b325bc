/**
 * Throws where `JSON.stringify(value)` would (a bigint, a cycle, a throwing `toJSON`), without
 * writing the text: for a reader that folds every event of a large log (the accountability
 * service's procedure ownership), writing each event's data only to prove it could be written took
 * a tenth of its catch-up. A value with its own `toJSON` is proved by `JSON.stringify` itself.
 */
export function assertJsonSerializable(value: unknown, ancestors: object[] = []): void {
  if (typeof value === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  if (typeof value !== 'object' || value === null) return;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    JSON.stringify(value);
    return;
  }
  if (ancestors.includes(value)) throw new TypeError('Converting circular structure to JSON');
  ancestors.push(value);
  // Own enumerable string keys (and every index of an array), as JSON.stringify reads them.
  for (const item of Array.isArray(value) ? Array.from(value) : Object.values(value))
    assertJsonSerializable(item, ancestors);
  ancestors.pop();
}
