import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ParseOptions, ValidationRule } from 'graphql';
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

/** Refuses an over-limit operation after validation, before a single field resolves. */
function operationLimitsPlugin(limits: GraphQLLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const refusal = operationLimitRefusal(schema, document, operation, request.variables, limits);
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
export function apolloGuard(limits: GraphQLLimits, production: boolean): ApolloGuard {
  const armor = new ApolloArmor(armorConfig(limits, production)).protect();
  // Armor's typings name Apollo Server's CommonJS build; the plugins are the same objects.
  const armorPlugins = armor.plugins as unknown as ApolloServerPlugin[];
  return {
    plugins: [...armorPlugins, operationLimitsPlugin(limits), requestBudgetPlugin(limits)],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    allowBatchedHttpRequests: false,
  };
}
