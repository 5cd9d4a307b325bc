import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { Logger } from 'pino';
import type { GatewayContext } from '../gateway-context.js';
import { METHOD_NOT_ALLOWED, refuse } from './http-answers.js';

export interface GraphQLHttpOptions {
  readonly server: ApolloServer<GatewayContext>;
  /** Checks the caller's token: a refusal stops the request before any subgraph is asked. */
  readonly context: (args: { req: IncomingMessage }) => Promise<GatewayContext>;
  readonly maxBodyBytes: number;
  readonly logger: Logger;
}

const GRAPHQL_METHODS = ['GET', 'POST'] as const;

/**
 * GraphQL over HTTP at /graphql, in front of Apollo Server's own request handling: the method, the
 * media type, the size and the JSON of the body are checked here, so that each mistake gets its own
 * status and code (405, 415, 413, 400) in GraphQL's shape, before anything is parsed as GraphQL.
 */
export function graphqlHttpHandler(options: GraphQLHttpOptions) {
  const { server, maxBodyBytes, logger } = options;
  return async (request: IncomingMessage & { body?: unknown }, response: ServerResponse): Promise<void> => {
    try {
      const method = request.method ?? 'GET';
      if (method !== 'GET' && method !== 'POST') {
        refuse(response, METHOD_NOT_ALLOWED(method, GRAPHQL_METHODS));
        return;
      }
      let body: unknown;
      if (method === 'POST') {
        if (!isJson(request.headers['content-type'])) {
          refuse(response, {
            status: 415,
            code: 'UNSUPPORTED_MEDIA_TYPE',
            message: 'a GraphQL request must be sent as application/json (UTF-8)',
          });
          return;
        }
        const text = await readBody(request, maxBodyBytes);
        if (text === undefined) {
          // The rest of the body is not read: the connection closes after this answer.
          refuse(
            response,
            {
              status: 413,
              code: 'PAYLOAD_TOO_LARGE',
              message: `the request body is larger than ${maxBodyBytes} bytes`,
            },
            true,
          );
          return;
        }
        try {
          body = JSON.parse(text);
        } catch {
          refuse(response, {
            status: 400,
            code: 'BAD_REQUEST',
            message: 'the request body is not valid JSON',
          });
          return;
        }
        // For the request log line (its operation name).
        request.body = body;
      }
      await answer(server, options.context, request, method, body, response);
    } catch (error) {
      if (request.destroyed) return; // the client went away while sending its body
      logger.error({ err: error }, 'GraphQL request failed');
      if (!response.headersSent) {
        refuse(response, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
      } else response.destroy();
    }
  };
}

async function answer(
  server: ApolloServer<GatewayContext>,
  context: GraphQLHttpOptions['context'],
  request: IncomingMessage,
  method: string,
  body: unknown,
  response: ServerResponse,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = request.url ?? '';
  const query = url.indexOf('?');
  const result = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search: query < 0 ? '' : url.slice(query), body },
    context: () => context({ req: request }),
  });
  response.statusCode = result.status ?? 200;
  for (const [name, value] of result.headers) response.setHeader(name, value);
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

/** application/json, with no charset or UTF-8 (JSON is UTF-8 by its RFC). */
function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const [type, ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every(
    (parameter) => !parameter.startsWith('charset=') || /^charset="?utf-8"?$/.test(parameter),
  );
}

/**
 * The body as text, or undefined once it is longer than `limit` bytes; reading then stops (the stream
 * is paused, not destroyed, so that the refusal can still be written before the connection closes).
 */
function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers['content-length']);
  if (declared > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        finish();
        request.pause();
        resolve(undefined);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      finish();
      resolve(Buffer.concat(chunks, length).toString('utf8'));
    };
    const onError = (error: Error) => {
      finish();
      reject(error);
    };
    const finish = () => {
      request.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    // 'close' before 'end': the client went away in the middle of its body.
    const onClose = () => onError(new Error('the client closed the connection before its body ended'));
    request.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}
