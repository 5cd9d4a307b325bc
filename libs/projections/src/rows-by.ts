/** Rows by a key of theirs, each list in the rows' order: a batch query's answer split per parent. */
export function rowsBy<T>(rows: Iterable<T>, keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Rows by their unique key. */
export function rowBy<T>(rows: Iterable<T>, keyOf: (row: T) => string): Map<string, T> {
  return new Map([...rows].map((row) => [keyOf(row), row]));
}
