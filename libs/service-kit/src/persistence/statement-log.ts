import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import type { RequestHandler } from 'express';
import type { LogEvent } from 'kysely';

/**
 * Marks the work done to answer one GraphQL request, across every await it goes through, so that the
 * statements it runs can be told from those of the projections and timers running beside it.
 */
const answeringGraphQL = new AsyncLocalStorage<true>();

/** Runs the rest of the request (the GraphQL execution) inside the mark. */
export function markGraphQLRequests(): RequestHandler {
  return (_request, _response, next) => answeringGraphQL.run(true, next);
}

/**
 * REDTAPE_STATEMENT_LOG: appends one JSON line per read-model statement a service runs to answer a
 * GraphQL request, `{"service":…,"sql":…}`, to the file. It is how an N+1 shows (and how a test
 * proves there is none); it writes synchronously, so it stays off in production.
 */
export function statementLogger(file: string, service: string): (event: LogEvent) => void {
  return (event) => {
    if (event.level !== 'query' || answeringGraphQL.getStore() === undefined) return;
    appendFileSync(file, `${JSON.stringify({ service, sql: event.query.sql })}\n`);
  };
}
