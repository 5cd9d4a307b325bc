import type { GraphQLArmorConfig, GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import type { GraphQLLimits } from './limits.js';
import { queryLimitExceeded, type LimitName } from './query-limit-exceeded.js';

/** Reports GraphQL Armor's refusal as our typed one, so every limit answers in the same shape. */
function refuseAs(limit: LimitName, maximum: number): GraphQLArmorRejectCallback {
  return (context, error) => {
    const message = error.message.replace(/^Syntax Error: /, '');
    context?.reportError(queryLimitExceeded({ limit, maximum, message }));
  };
}

/**
 * GraphQL Armor's depth, alias and directive limits (each counts fragments once, memoized), the
 * same for the gateway (Envelop) and the subgraphs (Apollo Server). Tokens are counted by the parser
 * itself and cost by `measureOperation`, which knows `@cost` and `@listSize`; so Armor's own token
 * and cost limits are off.
 */
export function armorConfig(limits: GraphQLLimits, production: boolean): GraphQLArmorConfig {
  const reported = { propagateOnRejection: false, exposeLimits: true };
  return {
    maxDepth: {
      n: limits.maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      ...reported,
      onReject: [refuseAs('depth', limits.maxDepth)],
    },
    maxAliases: { n: limits.maxAliases, ...reported, onReject: [refuseAs('aliases', limits.maxAliases)] },
    maxDirectives: {
      n: limits.maxDirectives,
      ...reported,
      onReject: [refuseAs('directives', limits.maxDirectives)],
    },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    // Field suggestions tell a prober what exists; the explorer serves that in development.
    blockFieldSuggestion: { enabled: production },
  };
}
