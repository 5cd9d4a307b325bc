import { createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { rawRefusal, type HttpRefusal } from './http-answers.js';

/**
 * Nest's Express adapter with the gateway's own HTTP server: a limit on the request head, and an answer
 * in GraphQL's shape for the requests Node's parser refuses before any middleware could (by default
 * Node writes a bare status line, e.g. 431 with an empty body).
 */
export class GatewayHttpAdapter extends ExpressAdapter {
  constructor(
    private readonly maxHeaderBytes: number,
    private readonly log: Logger,
  ) {
    super();
  }

  override initHttpServer(options: NestApplicationOptions): void {
    if (options.httpsOptions) throw new Error('the gateway serves plain HTTP; put TLS in front of it');
    const server = createServer({ maxHeaderSize: this.maxHeaderBytes }, this.getInstance());
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) =>
      this.answerClientError(error, socket),
    );
    this.setHttpServer(server);
  }

  private answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
    const refusal = refusalFor(error.code);
    // A reset or an aborted connection has no one left to answer.
    if (refusal === undefined || !socket.writable) {
      socket.destroy();
      return;
    }
    this.log.warn({ status: refusal.status, reason: error.code }, 'request refused before parsing');
    socket.end(rawRefusal(refusal));
  }
}

function refusalFor(code: string | undefined): HttpRefusal | undefined {
  switch (code) {
    case 'ECONNRESET':
    case 'EPIPE':
      return undefined;
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
        message: 'the request headers are too large',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: 'REQUEST_TIMEOUT', message: 'the request was not received in time' };
    default:
      return { status: 400, code: 'BAD_REQUEST', message: 'the request is not valid HTTP' };
  }
}
