import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { gatewayConfigFromEnv } from './gateway-config.js';
import { CompositionFailed, composeSupergraph, readSubgraphSchemas } from './supergraph.js';

const federation = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';
const units = `${federation}
  type Query { unit(id: ID!): AdministrativeUnit }
  type AdministrativeUnit @key(fields: "id") { id: ID! name: String! }`;
const procedures = `${federation}
  type AdministrativeUnit @key(fields: "id") { id: ID! procedures: [String!]! }`;

const folder = mkdtempSync(join(tmpdir(), 'redtape-supergraph-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function schemaFile(name: string, sdl?: string): string {
  const file = join(folder, name, 'schema.graphql');
  if (sdl !== undefined) {
    mkdirSync(join(folder, name), { recursive: true });
    writeFileSync(file, sdl);
  }
  return file;
}

describe('composing the supergraph', () => {
  it('joins subgraphs that extend each other by key, each with its URL', () => {
    const { supergraphSdl } = composeSupergraph([
      { name: 'regions', url: 'http://127.0.0.1:4001/graphql', typeDefs: parse(units) },
      { name: 'procedures', url: 'http://127.0.0.1:4002/graphql', typeDefs: parse(procedures) },
    ]);

    expect(supergraphSdl).toContain(
      'REGIONS @join__graph(name: "regions", url: "http://127.0.0.1:4001/graphql")',
    );
    expect(supergraphSdl).toContain(
      'PROCEDURES @join__graph(name: "procedures", url: "http://127.0.0.1:4002/graphql")',
    );
  });

  it('refuses subgraphs that disagree, saying why', () => {
    const clash = `${federation} type Query { unit(id: ID!): Int }`;

    const compose = () =>
      composeSupergraph([
        { name: 'regions', url: 'http://127.0.0.1:4001/graphql', typeDefs: parse(units) },
        { name: 'other', url: 'http://127.0.0.1:4009/graphql', typeDefs: parse(clash) },
      ]);

    expect(compose).toThrow(CompositionFailed);
    expect(compose).toThrow(/INVALID_FIELD_SHARING|FIELD_TYPE_MISMATCH/);
  });

  it('refuses to compose nothing', () => {
    expect(() => composeSupergraph([])).toThrow(
      'the supergraph cannot be composed:\n  no subgraph schema file was found',
    );
  });
});

describe('reading the subgraph schema files', () => {
  it('leaves out a subgraph whose schema file does not exist yet', () => {
    const regions = {
      name: 'regions',
      url: 'http://127.0.0.1:4001/graphql',
      schemaFile: schemaFile('regions', units),
    };
    const later = {
      name: 'accountability',
      url: 'http://127.0.0.1:4003/graphql',
      schemaFile: schemaFile('accountability'),
    };

    const { schemas, missing } = readSubgraphSchemas([regions, later]);

    expect(schemas.map((schema) => schema.name)).toEqual(['regions']);
    expect(missing).toEqual([later]);
  });

  it('names the file whose SDL does not parse', () => {
    const file = schemaFile('broken', 'type Query {');

    expect(() =>
      readSubgraphSchemas([{ name: 'broken', url: 'http://127.0.0.1:1/graphql', schemaFile: file }]),
    ).toThrow(`broken: ${file} is not valid GraphQL SDL`);
  });

  it('composes the schemas checked into the repository', () => {
    const { subgraphs } = gatewayConfigFromEnv({
      REDTAPE_JWT_SECRET: 'x'.repeat(32),
      REDTAPE_GATEWAY_SECRET: 'y'.repeat(32),
    });
    const { schemas, missing } = readSubgraphSchemas(subgraphs);

    expect(schemas.length + missing.length).toBe(3);
    expect(schemas.map((schema) => schema.name)).toContain('regions');
    expect(missing.every((source) => !existsSync(source.schemaFile))).toBe(true);
    const { supergraphSdl } = composeSupergraph(schemas);
    expect(supergraphSdl).toContain('REGIONS @join__graph(name: "regions"');
    const unitType = supergraphSdl.slice(supergraphSdl.indexOf('type AdministrativeUnit'));
    expect(unitType.slice(0, unitType.indexOf('{'))).toContain('@join__type(graph: REGIONS, key: "id")');
    expect(unitType.slice(0, unitType.indexOf('{'))).toContain('@join__type(graph: PROCEDURES, key: "id")');
  });
});
