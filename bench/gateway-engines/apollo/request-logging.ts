import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

type Request = IncomingMessage & { readonly originalUrl?: string; readonly body?: unknown };

/** Express middleware: one line per request once the response is sent; server failures at error. */
export function requestLogging(logger: Logger) {
  return (request: Request, response: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const line = {
        method: request.method,
        path: (request.originalUrl ?? request.url ?? '').split('?')[0],
        status: response.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        ...operationName(request.body),
      };
      if (response.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request');
    });
    next();
  };
}

function operationName(body: unknown): { operationName?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const name = (body as { operationName?: unknown }).operationName;
  return typeof name === 'string' ? { operationName: name } : {};
}
