import { InvalidQueryInput } from './invalid-query-input.js';

/** A page of a list ordered by a stable key; `endCursor` continues after its last node. */
export interface Page<Node> {
  readonly nodes: Node[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
  /** All nodes that match the filter, on every page. */
  readonly totalCount: number;
}

export const MAX_PAGE_SIZE = 200;

export function requirePageSize(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE)
    throw new InvalidQueryInput(`first must be a whole number from 0 to ${MAX_PAGE_SIZE}, not ${first}`);
  return first;
}

/**
 * Cursors are opaque to clients: base64url of the JSON of the order key of the last node seen,
 * tagged with the list they belong to so that a cursor of one list is refused by another.
 */
export function encodeCursor(list: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

export function decodeCursor(list: string, cursor: string, keyLength: number): string[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const valid =
    Array.isArray(decoded) &&
    decoded.length === keyLength + 1 &&
    decoded[0] === list &&
    decoded.every((part) => typeof part === 'string');
  if (!valid) throw new InvalidQueryInput(`${JSON.stringify(cursor)} is not a cursor of this list`);
  return (decoded as string[]).slice(1);
}

/** Takes the page out of `first + 1` rows fetched after the cursor. */
export function pageOf<Row, Node>(
  rows: readonly Row[],
  first: number,
  totalCount: number,
  toNode: (row: Row) => Node,
  cursorOf: (row: Row) => string,
): Page<Node> {
  const onPage = rows.slice(0, first);
  const last = onPage.at(-1);
  return {
    nodes: onPage.map(toNode),
    hasNextPage: rows.length > first,
    endCursor: last === undefined ? null : cursorOf(last),
    totalCount,
  };
}
