import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { connect, createServer, type AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { INestApplication } from '@nestjs/common';
import { GATEWAY_SECRET_HEADER, mintToken } from '@redtape/auth';
import { eventually } from '@redtape/testing';
import { parse } from 'graphql';
import { createGatewayApp } from './gateway-app.js';
import { CompositionFailed } from './supergraph.js';
import { createLogger } from '@redtape/platform';

const jwtSecret = 'e2e-jwt-secret-that-is-long-enough-0123456789';
const gatewaySecret = 'e2e-gateway-secret-that-is-long-enough-0123456789';
const auth = { verification: { kind: 'hs256', secret: jwtSecret }, gatewaySecret } as const;

/** A subgraph that answers with the headers it received, and one field that fails like a bug would. */
const standInSdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@shareable"])
  type Query { whoami: Who, broken: String }
  type Who { authorization: String, gatewaySecret: String }
`;

interface GraphQLReply {
  readonly status: number;
  readonly body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

async function startStandInSubgraph(): Promise<{ server: ApolloServer; url: string }> {
  const schema = buildSubgraphSchema({
    typeDefs: parse(standInSdl),
    resolvers: {
      Query: {
        whoami: (_parent: unknown, _args: unknown, context: unknown) => {
          const { headers } = context as { headers: Record<string, string | undefined> };
          return {
            authorization: headers['authorization'] ?? null,
            gatewaySecret: headers[GATEWAY_SECRET_HEADER] ?? null,
          };
        },
        broken: () => {
          throw new Error('cannot open /var/lib/redtape/secret.db');
        },
      },
    },
  });
  // The stack trace is on so the test proves the gateway removes it.
  const server = new ApolloServer({
    schema,
    includeStacktraceInErrorResponses: true,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ headers: req.headers }),
  });
  return { server, url };
}

async function graphql(
  baseUrl: string,
  query: string,
  headers: Record<string, string> = {},
): Promise<GraphQLReply> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLReply['body'] };
}

async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

describe('the gateway in front of a running subgraph', () => {
  const folder = mkdtempSync(join(tmpdir(), 'redtape-gateway-'));
  const logLines: string[] = [];
  let subgraph: ApolloServer;
  let development: INestApplication;
  let production: INestApplication;
  let gatewayUrl: string;
  let productionUrl: string;

  beforeAll(async () => {
    const standIn = await startStandInSubgraph();
    subgraph = standIn.server;
    const { body } = await graphql(standIn.url.replace(/\/$/, ''), '{ _service { sdl } }');
    const sdl = (body.data?.['_service'] as { sdl: string }).sdl;
    mkdirSync(join(folder, 'whoami'));
    writeFileSync(join(folder, 'whoami', 'schema.graphql'), sdl);

    const subgraphs = [
      { name: 'whoami', url: standIn.url, schemaFile: join(folder, 'whoami', 'schema.graphql') },
      {
        name: 'not-built-yet',
        url: 'http://127.0.0.1:9/graphql',
        schemaFile: join(folder, 'not-built-yet', 'schema.graphql'),
      },
    ];
    const logger = createLogger('gateway', 'info', { write: (line: string) => void logLines.push(line) });
    // The missing subgraph is named, as an operator must name it (GATEWAY_LEAVE_OUT).
    const leaveOut = ['not-built-yet'];
    development = await createGatewayApp({ subgraphs, leaveOut, auth, production: false, logger });
    production = await createGatewayApp({
      subgraphs,
      leaveOut,
      auth,
      production: true,
      logger: createLogger('gateway', 'silent'),
    });
    gatewayUrl = await listen(development);
    productionUrl = await listen(production);
  });

  afterAll(async () => {
    await development?.close();
    await production?.close();
    await subgraph?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('serves a query and passes the caller’s Authorization header and the gateway secret to the subgraph', async () => {
    const token = await mintToken(
      { sub: 'u-1', name: 'Aibek', role: 'official', unit: 'district/nookat' },
      jwtSecret,
    );

    const reply = await graphql(gatewayUrl, '{ whoami { authorization gatewaySecret } }', {
      authorization: `Bearer ${token}`,
    });

    expect(reply).toEqual({
      status: 200,
      body: { data: { whoami: { authorization: `Bearer ${token}`, gatewaySecret } } },
    });
  });

  it('serves an anonymous request, still proving to the subgraph that it came through the gateway', async () => {
    const reply = await graphql(gatewayUrl, '{ whoami { authorization gatewaySecret } }');

    expect(reply).toEqual({
      status: 200,
      body: { data: { whoami: { authorization: null, gatewaySecret } } },
    });
  });

  it.each([
    [
      'a token that is not a JWT',
      'Bearer nonsense',
      'Authorization header must be "Bearer <token>" with a JWT',
    ],
    ['another scheme', 'Basic dXNlcjpwYXNz', 'Authorization header must be "Bearer <token>" with a JWT'],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_case, authorization, message) => {
    const reply = await graphql(gatewayUrl, '{ whoami { gatewaySecret } }', { authorization });

    expect(reply).toEqual({
      status: 401,
      body: { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] },
    });
  });

  it('refuses an expired token with 401 UNAUTHENTICATED and no stack trace', async () => {
    const expired = await mintToken({ sub: 'u-1', name: 'Aibek', role: 'admin' }, jwtSecret, {
      expiresIn: '-1m',
    });

    const reply = await graphql(gatewayUrl, '{ whoami { gatewaySecret } }', {
      authorization: `Bearer ${expired}`,
    });

    expect(reply).toEqual({
      status: 401,
      body: { errors: [{ message: 'token has expired', extensions: { code: 'UNAUTHENTICATED' } }] },
    });
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await mintToken(
      { sub: 'u-1', name: 'Aibek', role: 'admin' },
      'a-forger-secret-that-is-long-enough-0123456789',
    );

    const reply = await graphql(gatewayUrl, '{ whoami { gatewaySecret } }', {
      authorization: `Bearer ${forged}`,
    });

    expect(reply.status).toBe(401);
    expect(reply.body.errors?.[0]).toEqual({
      message: 'token signature is invalid',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('shows a subgraph failure outside production, but never its stack trace', async () => {
    const reply = await graphql(gatewayUrl, '{ broken }');

    expect(reply.body.data).toEqual({ broken: null });
    expect(reply.body.errors?.[0]?.message).toBe('cannot open /var/lib/redtape/secret.db');
    expect(JSON.stringify(reply.body)).not.toMatch(/stacktrace|at .*\.(js|ts):\d+/);
  });

  it('answers /health outside GraphQL', async () => {
    const response = await fetch(`${gatewayUrl}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('logs each request as one JSON line', async () => {
    await fetch(`${gatewayUrl}/health?probe=1`);

    const line = await eventually(
      () =>
        logLines
          .map((text) => JSON.parse(text) as Record<string, unknown>)
          .find((entry) => entry['path'] === '/health') ?? false,
      2_000,
      'the request line of GET /health',
    );
    expect(line).toMatchObject({ level: 30, service: 'gateway', msg: 'request', method: 'GET', status: 200 });
  });

  it('allows introspection outside production', async () => {
    const reply = await graphql(gatewayUrl, '{ __schema { queryType { name } } }');

    expect(reply.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('refuses to start without a subgraph whose schema file is missing, unless told to leave it out', async () => {
    const subgraphs = [
      {
        name: 'whoami',
        url: 'http://127.0.0.1:9/graphql',
        schemaFile: join(folder, 'whoami', 'schema.graphql'),
      },
      {
        name: 'not-built-yet',
        url: 'http://127.0.0.1:9/graphql',
        schemaFile: join(folder, 'not-built-yet', 'schema.graphql'),
      },
    ];
    const starting = createGatewayApp({
      subgraphs,
      auth,
      production: false,
      logger: createLogger('gateway', 'silent'),
    });

    await expect(starting).rejects.toBeInstanceOf(CompositionFailed);
    await expect(starting).rejects.toThrow(/not-built-yet: no schema file .*GATEWAY_LEAVE_OUT=not-built-yet/);
  });

  describe('in production', () => {
    it('refuses introspection', async () => {
      const reply = await graphql(productionUrl, '{ __schema { queryType { name } } }');

      expect(reply.status).toBe(400);
      expect(reply.body.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(reply.body.errors?.[0]?.message).toMatch(/introspection is not allowed/);
    });

    it('masks a server fault as "Internal server error"', async () => {
      const reply = await graphql(productionUrl, '{ broken }');

      expect(reply.body).toEqual({
        data: { broken: null },
        errors: [
          {
            message: 'Internal server error',
            path: ['broken'],
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          },
        ],
      });
    });

    it('still tells a client what is wrong with its token', async () => {
      const reply = await graphql(productionUrl, '{ whoami { gatewaySecret } }', {
        authorization: 'Bearer nonsense',
      });

      expect(reply.status).toBe(401);
      expect(reply.body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    });

    it('serves the same data', async () => {
      const reply = await graphql(productionUrl, '{ whoami { gatewaySecret } }');

      expect(reply).toEqual({ status: 200, body: { data: { whoami: { gatewaySecret } } } });
    });
  });
});

describe('the gateway’s HTTP answers', () => {
  const folder = mkdtempSync(join(tmpdir(), 'redtape-gateway-http-'));
  const limits = { maxBodyBytes: 2048, maxHeaderBytes: 4096 };
  let subgraph: ApolloServer;
  let development: INestApplication;
  let production: INestApplication;
  let gatewayUrl: string;
  let productionUrl: string;
  let offlineUrl: string;

  /** Every refusal is GraphQL's shape with a code, and nothing more. */
  function refusal(code: string) {
    return { errors: [{ message: expect.any(String), extensions: { code } }] };
  }

  async function send(
    baseUrl: string,
    init: { method?: string; path?: string; headers?: Record<string, string>; body?: string } = {},
  ) {
    const response = await fetch(`${baseUrl}${init.path ?? '/graphql'}`, {
      method: init.method ?? 'POST',
      headers: init.headers ?? { 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as unknown };
  }

  beforeAll(async () => {
    const standIn = await startStandInSubgraph();
    subgraph = standIn.server;
    const { body } = await graphql(standIn.url.replace(/\/$/, ''), '{ _service { sdl } }');
    mkdirSync(join(folder, 'whoami'));
    writeFileSync(join(folder, 'whoami', 'schema.graphql'), (body.data?.['_service'] as { sdl: string }).sdl);
    // A subgraph in the supergraph that nothing answers: a port that was free a moment ago.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    offlineUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/graphql`;
    await new Promise((resolve) => closed.close(resolve));
    mkdirSync(join(folder, 'offline'));
    writeFileSync(
      join(folder, 'offline', 'schema.graphql'),
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\ntype Query { offline: String }',
    );
    const subgraphs = [
      { name: 'whoami', url: standIn.url, schemaFile: join(folder, 'whoami', 'schema.graphql') },
      { name: 'offline', url: offlineUrl, schemaFile: join(folder, 'offline', 'schema.graphql') },
    ];
    const logger = createLogger('gateway', 'silent');
    development = await createGatewayApp({ subgraphs, auth, production: false, logger, limits });
    production = await createGatewayApp({ subgraphs, auth, production: true, logger, limits });
    gatewayUrl = await listen(development);
    productionUrl = await listen(production);
  });

  afterAll(async () => {
    await development?.close();
    await production?.close();
    await subgraph?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('answers a body that is not JSON with 400 BAD_REQUEST', async () => {
    const reply = await send(gatewayUrl, { body: '{"query": "{ whoami { gatewaySecret } }"' });

    expect(reply.status).toBe(400);
    expect(reply.body).toEqual(refusal('BAD_REQUEST'));
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'])(
    'answers a POST sent as %s with 415 UNSUPPORTED_MEDIA_TYPE',
    async (contentType) => {
      const reply = await send(gatewayUrl, {
        headers: { 'content-type': contentType },
        body: JSON.stringify({ query: '{ whoami { gatewaySecret } }' }),
      });

      expect(reply.status).toBe(415);
      expect(reply.body).toEqual(refusal('UNSUPPORTED_MEDIA_TYPE'));
    },
  );

  it('answers a body over its limit (GRAPHQL_MAX_BODY_BYTES) with 413 PAYLOAD_TOO_LARGE', async () => {
    const query = `{ whoami { gatewaySecret } } # ${'x'.repeat(limits.maxBodyBytes)}`;

    const reply = await send(gatewayUrl, { body: JSON.stringify({ query }) });

    expect(reply.status).toBe(413);
    expect(reply.body).toEqual(refusal('PAYLOAD_TOO_LARGE'));
  });

  it('also stops a body over the limit that announces no length (chunked)', async () => {
    const reply = await new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const outgoing = request(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      outgoing.once('error', reject);
      outgoing.once('response', (incoming) => {
        let text = '';
        incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
        incoming.once('end', () => resolve({ status: incoming.statusCode ?? 0, body: JSON.parse(text) }));
      });
      outgoing.write(`{"query": "{ whoami { gatewaySecret } } # ${'x'.repeat(limits.maxBodyBytes)}`);
      outgoing.write('"}');
      outgoing.end();
    });

    expect(reply).toEqual({ status: 413, body: refusal('PAYLOAD_TOO_LARGE') });
  });

  it('still serves a body just under the limit', async () => {
    const query = `{ whoami { gatewaySecret } } # ${'x'.repeat(limits.maxBodyBytes - 100)}`;

    const reply = await send(gatewayUrl, { body: JSON.stringify({ query }) });

    expect(reply).toMatchObject({ status: 200, body: { data: { whoami: { gatewaySecret } } } });
  });

  it('answers headers over GATEWAY_MAX_HEADER_BYTES with 431 and a JSON body', async () => {
    const reply = await send(gatewayUrl, {
      headers: { 'content-type': 'application/json', 'x-padding': 'p'.repeat(limits.maxHeaderBytes) },
      body: JSON.stringify({ query: '{ whoami { gatewaySecret } }' }),
    });

    expect(reply.status).toBe(431);
    expect(reply.body).toEqual(refusal('REQUEST_HEADER_FIELDS_TOO_LARGE'));
  });

  it('answers a request that is not HTTP with 400 and a JSON body', async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(gatewayUrl).port), '127.0.0.1', () =>
        socket.write('NOT A REQUEST LINE\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.once('end', () => resolve(text));
      socket.once('error', reject);
    });

    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(body!)).toEqual(refusal('BAD_REQUEST'));
  });

  it('answers a document with several operations and no operation name with 400, not 500', async () => {
    const named = await send(gatewayUrl, {
      body: JSON.stringify({ query: 'query A { whoami { gatewaySecret } } query B { broken }' }),
    });
    const anonymous = await send(gatewayUrl, {
      body: JSON.stringify({ query: '{ whoami { gatewaySecret } } { broken }' }),
    });
    const unknownName = await send(gatewayUrl, {
      body: JSON.stringify({ query: 'query A { whoami { gatewaySecret } }', operationName: 'B' }),
    });

    expect(named.status).toBe(400);
    expect(named.body).toEqual(refusal('OPERATION_RESOLUTION_FAILURE'));
    expect(anonymous.status).toBe(400);
    expect(anonymous.text).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(unknownName.status).toBe(400);
    expect(unknownName.body).toEqual(refusal('OPERATION_RESOLUTION_FAILURE'));
  });

  it.each([
    ['PUT', '/graphql', 'GET, POST'],
    ['DELETE', '/graphql', 'GET, POST'],
    ['POST', '/health', 'GET, HEAD'],
  ])('answers %s %s with 405 METHOD_NOT_ALLOWED and allow: %s', async (method, path, allow) => {
    const reply = await send(gatewayUrl, { method, path });

    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe(allow);
    expect(reply.body).toEqual(refusal('METHOD_NOT_ALLOWED'));
  });

  it.each(['/', '/graphql/extra', '/admin'])(
    'answers the unknown path %s with 404 NOT_FOUND',
    async (path) => {
      const reply = await send(gatewayUrl, { method: 'GET', path });

      expect(reply.status).toBe(404);
      expect(reply.body).toEqual(refusal('NOT_FOUND'));
    },
  );

  it('names a subgraph that does not answer, but never its address, outside production', async () => {
    const reply = await graphql(gatewayUrl, '{ offline }');

    expect(reply.body.data).toEqual({ offline: null });
    expect(reply.body.errors?.[0]?.extensions?.['code']).toBe('DOWNSTREAM_SERVICE_ERROR');
    expect(reply.body.errors?.[0]?.message).toMatch(/offline service/);
    const port = new URL(offlineUrl).port;
    expect(JSON.stringify(reply.body)).not.toContain(port);
    expect(JSON.stringify(reply.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stacktrace/);
  });

  it('masks a subgraph that does not answer in production', async () => {
    const reply = await graphql(productionUrl, '{ offline }');

    // No path: the gateway could not even send the subgraph's part of the plan.
    expect(reply.body).toEqual({
      data: { offline: null },
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  });

  it('answers in GraphQL’s shape in production too', async () => {
    const notJson = await send(productionUrl, { body: '{' });
    const unknown = await send(productionUrl, { method: 'GET', path: '/nope' });

    expect(notJson).toMatchObject({ status: 400, body: refusal('BAD_REQUEST') });
    expect(unknown).toMatchObject({ status: 404, body: refusal('NOT_FOUND') });
  });
});
