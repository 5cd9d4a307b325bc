import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { apolloGuard } from './apollo-guard.js';
import { DEFAULT_GRAPHQL_LIMITS, type GraphQLLimits } from './limits.js';
import { formattedLimitRefusal } from './format-refusal.js';
import { guardedTypeDefs } from './testing-schema.js';

const unit = (id: string): Record<string, unknown> => ({ id, name: id, parent: () => unit(`${id}/parent`) });

async function serve(limits: GraphQLLimits, slowChildrenMs = 0) {
  const resolvers = {
    Query: {
      unit: (_root: unknown, { id }: { id: string }) => unit(id),
      units: () => Array.from({ length: 200 }, (_, i) => unit(`u${i}`)),
      tags: () => ['a'],
      procedures: (_root: unknown, { first }: { first?: number }) => ({
        totalCount: first ?? 0,
        nodes: Array.from({ length: first ?? 0 }, (_, i) => ({ id: `p${i}`, requirements: [] })),
      }),
    },
    Unit: {
      children: async ({ id }: { id: string }) => {
        if (slowChildrenMs) await new Promise((resolve) => setTimeout(resolve, slowChildrenMs));
        return Array.from({ length: 3 }, (_, i) => unit(`${id}/${i}`));
      },
    },
  };
  const server = new ApolloServer({
    typeDefs: guardedTypeDefs,
    resolvers,
    ...apolloGuard(limits, true),
    // What the subgraphs do with refusals, so the whole path is the real one.
    formatError: (formatted, error) => formattedLimitRefusal(error) ?? formatted,
  });
  await server.start();
  return server;
}

async function ask(server: ApolloServer, query: string, variables?: Record<string, unknown>) {
  const response = await server.executeOperation({ query, ...(variables ? { variables } : {}) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, ...response.body.singleResult };
}

const refusalOf = (errors: readonly GraphQLFormattedError[] | undefined) => errors?.[0]?.extensions;

describe('a guarded Apollo Server', () => {
  const limits: GraphQLLimits = {
    ...DEFAULT_GRAPHQL_LIMITS,
    maxDepth: 6,
    maxAliases: 5,
    maxTokens: 400,
    maxCost: 2000,
  };
  let server: ApolloServer;
  beforeAll(async () => {
    server = await serve(limits);
  });
  afterAll(async () => server.stop());

  it('answers a query within every limit', async () => {
    const result = await ask(server, '{ unit(id: "kg") { id children { id name } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ unit: { id: 'kg' } });
  });

  it.each([
    [
      'depth',
      '{ unit(id: "kg") { parent { parent { parent { parent { parent { parent { id } } } } } } } }',
      6,
    ],
    ['aliases', `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: tags`).join(' ')} }`, 5],
    ['tokens', `{ ${Array.from({ length: 450 }, () => 'tags').join(' ')} }`, 400],
    ['cost', '{ units { children { children { id } } } }', 2000],
    ['directives', `{ tags ${'@skip(if: false) '.repeat(31)} }`, 30],
  ])('refuses a document over the %s limit, typed, before anything runs', async (limit, query, maximum) => {
    const result = await ask(server, query);
    expect(result.data ?? undefined).toBeUndefined();
    expect(refusalOf(result.errors)).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit, maximum });
    expect(result.status).toBe(400);
  });

  it('refuses too many root fields and a fragment fan-out by their own limits', async () => {
    const fields = await ask(
      server,
      `{ ${Array.from({ length: 21 }, () => 'tags').join(' ')} }`.replace(/tags/g, (t, i: number) =>
        i % 2 ? t : 'unbounded { id }',
      ),
    );
    expect(refusalOf(fields.errors)).toMatchObject({ limit: 'rootFields', maximum: 20 });

    const fragments = ['fragment F0 on Unit { id }'];
    for (let level = 1; level <= 11; level++)
      fragments.push(`fragment F${level} on Unit { ...F${level - 1} ...F${level - 1} }`);
    const fanned = await ask(server, `{ unit(id: "x") { ...F11 } } ${fragments.join(' ')}`);
    expect(refusalOf(fanned.errors)).toMatchObject({ limit: 'selections', maximum: 1000, actual: 2049 });
  });

  it('sizes a list by the variable a client sends', async () => {
    const query = 'query ($n: Int) { procedures(first: $n) { nodes { id requirements } } }';
    expect((await ask(server, query, { n: 50 })).errors).toBeUndefined();
    expect(refusalOf((await ask(server, query, { n: 5000 })).errors)).toMatchObject({
      limit: 'cost',
      actual: 5001,
    });
  });
});

describe('the budget of a request that runs', () => {
  it('stops resolving once the fields it may resolve are spent, with one refusal', async () => {
    const server = await serve({ ...DEFAULT_GRAPHQL_LIMITS, maxResolvedFields: 150 });
    try {
      const result = await ask(server, '{ units { id name } }');
      expect(result.errors).toHaveLength(1);
      expect(refusalOf(result.errors)).toMatchObject({
        code: 'QUERY_LIMIT_EXCEEDED',
        limit: 'resolvedFields',
        maximum: 150,
      });
    } finally {
      await server.stop();
    }
  });

  it('stops resolving once its time is spent', async () => {
    const server = await serve({ ...DEFAULT_GRAPHQL_LIMITS, requestTimeoutMs: 100 }, 60);
    try {
      const result = await ask(server, '{ unit(id: "kg") { children { children { children { name } } } } }');
      expect(refusalOf(result.errors)).toMatchObject({ limit: 'time', maximum: 100 });
    } finally {
      await server.stop();
    }
  });
});
