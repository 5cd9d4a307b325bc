import { ConfigurationError } from '@redtape/auth';

/**
 * What one GraphQL request may ask of a service before anything runs, and what it may spend while
 * it runs. The gateway and every subgraph apply the same figures: a subgraph never relies on the
 * gateway to protect it.
 */
export interface GraphQLLimits {
  /** Nested selections, fragments flattened; introspection is not counted. */
  readonly maxDepth: number;
  /** Aliased fields in the whole operation, fragments included. */
  readonly maxAliases: number;
  /** Fields at the root of the operation, fragments expanded. */
  readonly maxRootFields: number;
  /** Lexical tokens in the document: refused while parsing, before anything else. */
  readonly maxTokens: number;
  /** Directives used in the operation. */
  readonly maxDirectives: number;
  /** Fields once every fragment spread is expanded: what a fragment fan-out multiplies. */
  readonly maxSelections: number;
  /** The operation's estimated cost (`@cost`, `@listSize`; see estimatedCost). */
  readonly maxCost: number;
  /** The list size assumed for a list field whose schema gives none. */
  readonly defaultListSize: number;
  /** Wall-clock time one request may spend resolving fields. */
  readonly requestTimeoutMs: number;
  /** Fields one request may resolve, list items counted one by one: a bound on its memory. */
  readonly maxResolvedFields: number;
  /** The size of a request body, document and variables together: refused before it is parsed. */
  readonly maxBodyBytes: number;
}

interface LimitSetting {
  readonly key: keyof GraphQLLimits;
  readonly variable: string;
  readonly fallback: number;
  readonly minimum: number;
}

// Chosen for this graph (see the README's configuration table for the reasoning of each figure).
export const LIMIT_SETTINGS: readonly LimitSetting[] = [
  { key: 'maxDepth', variable: 'GRAPHQL_MAX_DEPTH', fallback: 10, minimum: 1 },
  { key: 'maxAliases', variable: 'GRAPHQL_MAX_ALIASES', fallback: 30, minimum: 0 },
  { key: 'maxRootFields', variable: 'GRAPHQL_MAX_ROOT_FIELDS', fallback: 20, minimum: 1 },
  { key: 'maxTokens', variable: 'GRAPHQL_MAX_TOKENS', fallback: 2000, minimum: 10 },
  { key: 'maxDirectives', variable: 'GRAPHQL_MAX_DIRECTIVES', fallback: 30, minimum: 0 },
  { key: 'maxSelections', variable: 'GRAPHQL_MAX_SELECTIONS', fallback: 1000, minimum: 1 },
  { key: 'maxCost', variable: 'GRAPHQL_MAX_COST', fallback: 25_000, minimum: 1 },
  { key: 'defaultListSize', variable: 'GRAPHQL_DEFAULT_LIST_SIZE', fallback: 20, minimum: 1 },
  { key: 'requestTimeoutMs', variable: 'GRAPHQL_REQUEST_TIMEOUT_MS', fallback: 10_000, minimum: 100 },
  { key: 'maxResolvedFields', variable: 'GRAPHQL_MAX_RESOLVED_FIELDS', fallback: 100_000, minimum: 100 },
  { key: 'maxBodyBytes', variable: 'GRAPHQL_MAX_BODY_BYTES', fallback: 100 * 1024, minimum: 1024 },
];

export const DEFAULT_GRAPHQL_LIMITS = Object.fromEntries(
  LIMIT_SETTINGS.map(({ key, fallback }) => [key, fallback]),
) as unknown as GraphQLLimits;

/** Reads every GRAPHQL_* limit, reporting all bad values at once by their variables' names. */
export function graphqlLimitsFromEnv(env: NodeJS.ProcessEnv): GraphQLLimits {
  const problems: string[] = [];
  const limits = Object.fromEntries(
    LIMIT_SETTINGS.map(({ key, variable, fallback, minimum }) => {
      const raw = env[variable]?.trim();
      if (!raw) return [key, fallback];
      const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
      if (!(Number.isSafeInteger(value) && value >= minimum)) {
        problems.push(`${variable} must be a whole number ≥ ${minimum}, got "${env[variable]}"`);
        return [key, fallback];
      }
      return [key, value];
    }),
  ) as unknown as GraphQLLimits;
  if (problems.length > 0) throw new ConfigurationError(problems);
  return limits;
}
