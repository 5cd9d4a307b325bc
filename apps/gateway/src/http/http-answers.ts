import { STATUS_CODES, type ServerResponse } from 'node:http';

/** A refusal of the request itself, before GraphQL: always in GraphQL's shape with a code. */
export interface HttpRefusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export function errorBody(code: string, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/** Answers a refused request; `close` ends the connection too, when the rest of the body is not worth reading. */
export function refuse(response: ServerResponse, refusal: HttpRefusal, close = false): void {
  const body = errorBody(refusal.code, refusal.message);
  response.statusCode = refusal.status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('content-length', Buffer.byteLength(body));
  for (const [name, value] of Object.entries(refusal.headers ?? {})) response.setHeader(name, value);
  if (close) response.setHeader('connection', 'close');
  response.end(body);
}

/**
 * The whole HTTP response for a request Node's parser refused before any handler saw it (a head too
 * large, a malformed request line, a client too slow to send its head), written straight to the socket.
 */
export function rawRefusal(refusal: HttpRefusal): string {
  const body = errorBody(refusal.code, refusal.message);
  return [
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}`,
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
    '',
    body,
  ].join('\r\n');
}

export const NOT_FOUND: HttpRefusal = {
  status: 404,
  code: 'NOT_FOUND',
  message: 'nothing is served at this path: GraphQL is at /graphql',
};

export const METHOD_NOT_ALLOWED = (method: string, allowed: readonly string[]): HttpRefusal => ({
  status: 405,
  code: 'METHOD_NOT_ALLOWED',
  message: `${method} is not allowed here; use ${allowed.join(' or ')}`,
  headers: { allow: allowed.join(', ') },
});
