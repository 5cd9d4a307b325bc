import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { INestApplication } from '@nestjs/common';
import { GATEWAY_SECRET_HEADER, mintToken } from '@redtape/auth';
import { eventually } from '@redtape/testing';
import { parse } from 'graphql';
import { createGatewayApp } from './gateway-app.js';
import { createLogger } from '@redtape/service-kit';

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
    development = await createGatewayApp({ subgraphs, auth, production: false, logger });
    production = await createGatewayApp({
      subgraphs,
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
