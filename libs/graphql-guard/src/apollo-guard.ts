import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLSchema, ParseOptions, ValidationRule } from 'graphql';
import { armorConfig } from './armor-config.js';
import type { GraphQLLimits } from './limits.js';
import { operationLimitRefusal } from './operation-limits.js';
import { requestBudgetPlugin } from './request-budget.js';

export interface ApolloGuard {
  readonly plugins: ApolloServerPlugin[];
  readonly validationRules: ValidationRule[];
  readonly parseOptions: ParseOptions;
  readonly allowBatchedHttpRequests: false;
}

export interface ApolloGuardOptions {
  /**
   * The schema whose `@cost` and `@listSize` the cost is read from, when it is not the one the server
   * executes: a gateway's API schema has lost them, its supergraph keeps them.
   */
  readonly measureWith?: GraphQLSchema;
  /** The time and field budget while fields resolve: for a server that resolves fields itself. */
  readonly budget?: boolean;
}

/** Refuses an over-limit operation after validation, before a single field resolves. */
function operationLimitsPlugin(
  limits: GraphQLLimits,
  measureWith: GraphQLSchema | undefined,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const refusal = operationLimitRefusal(
            measureWith ?? schema,
            document,
            operation,
            request.variables,
            limits,
          );
          if (refusal) throw refusal;
        },
      };
    },
  };
}

/**
 * Everything an Apollo Server (a subgraph) needs to refuse what it must not run: the token limit in
 * the parser, GraphQL Armor's depth, alias and directive rules in validation, root fields, expanded
 * fields and cost once the operation is known, and a time and field budget while it runs. Batched
 * HTTP requests stay off: one request, one operation, one budget.
 */
export function apolloGuard(
  limits: GraphQLLimits,
  production: boolean,
  options: ApolloGuardOptions = {},
): ApolloGuard {
  const armor = new ApolloArmor(armorConfig(limits, production)).protect();
  // Armor's typings name Apollo Server's CommonJS build; the plugins are the same objects.
  const armorPlugins = armor.plugins as unknown as ApolloServerPlugin[];
  return {
    plugins: [
      ...armorPlugins,
      operationLimitsPlugin(limits, options.measureWith),
      ...(options.budget === false ? [] : [requestBudgetPlugin(limits)]),
    ],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
  };
}
