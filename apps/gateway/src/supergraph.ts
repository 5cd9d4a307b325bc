import { existsSync, readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse, type DocumentNode } from 'graphql';

/** Where one subgraph's checked-in SDL lives and where the gateway reaches it. */
export interface SubgraphSource {
  readonly name: string;
  readonly url: string;
  readonly schemaFile: string;
}

export interface SubgraphSchema {
  readonly name: string;
  readonly url: string;
  readonly typeDefs: DocumentNode;
}

export interface Supergraph {
  readonly supergraphSdl: string;
  readonly hints: readonly string[];
}

export class CompositionFailed extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the supergraph cannot be composed:\n  ${problems.join('\n  ')}`);
    this.name = new.target.name;
  }
}

/** Reads the SDL of every subgraph whose schema file exists; the others are not built yet. */
export function readSubgraphSchemas(sources: readonly SubgraphSource[]): {
  readonly schemas: SubgraphSchema[];
  readonly missing: SubgraphSource[];
} {
  const present = sources.filter((source) => existsSync(source.schemaFile));
  const problems: string[] = [];
  const schemas = present.flatMap(({ name, url, schemaFile }) => {
    try {
      return [{ name, url, typeDefs: parse(readFileSync(schemaFile, 'utf8')) }];
    } catch (error) {
      problems.push(`${name}: ${schemaFile} is not valid GraphQL SDL: ${(error as Error).message}`);
      return [];
    }
  });
  if (problems.length > 0) throw new CompositionFailed(problems);
  return { schemas, missing: sources.filter((source) => !present.includes(source)) };
}

/** Composes the subgraphs the way CI does, so the gateway serves exactly what composition approved. */
export function composeSupergraph(schemas: readonly SubgraphSchema[]): Supergraph {
  if (schemas.length === 0) throw new CompositionFailed(['no subgraph schema file was found']);
  const result = composeServices([...schemas]);
  if (result.errors) {
    throw new CompositionFailed(
      result.errors.map((error) => `${error.extensions['code'] ?? 'ERROR'}: ${error.message}`),
    );
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((hint) => hint.toString()) };
}
