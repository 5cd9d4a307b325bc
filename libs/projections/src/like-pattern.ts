import { sql, type RawBuilder } from 'kysely';

const ESCAPE = sql.raw(`'\\'`);

/** A LIKE pattern that matches `term` anywhere, with LIKE's own wildcards taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** `column` contains the pattern `containsPattern` made: the escape character is part of the pair. */
export function likeContains(column: string, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape ${ESCAPE}`;
}
