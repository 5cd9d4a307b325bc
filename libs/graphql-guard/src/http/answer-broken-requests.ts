import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import { graphqlHttpError } from './graphql-http-error.js';

/** What Node's parser could not read, by llhttp's error code. */
function refusalFor(code: string | undefined): { status: number; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, message: 'the request headers are too large' };
  if (code === 'HPE_URI_TOO_LONG') return { status: 414, message: 'the request URL is too long' };
  return { status: 400, message: 'the request is not valid HTTP' };
}

/**
 * Requests Node refuses before any middleware sees them (oversized headers, broken HTTP) answered
 * in GraphQL's shape instead of a bare status line with an empty body.
 */
export function answerBrokenRequests(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const { status, message } = refusalFor(error.code);
    const body = JSON.stringify(graphqlHttpError(status, message).body);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'content-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        'connection: close\r\n\r\n' +
        body,
    );
  });
}
