import {
  getVariableValues,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { measureOperation } from './document-measure.js';
import type { GraphQLLimits } from './limits.js';
import { queryLimitExceeded } from './query-limit-exceeded.js';

/**
 * The limits only the whole operation can be measured against (root fields, fields with fragments
 * expanded, estimated cost), checked once the operation and its variables are known and before any
 * field is resolved. Undefined when the operation is within them, or when its variables do not
 * coerce (execution refuses those on its own, before resolving anything).
 */
export function operationLimitRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
  limits: GraphQLLimits,
): GraphQLError | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) return undefined;
  const measure = measureOperation(schema, document, operation, {
    variables: coerced.coerced,
    defaultListSize: limits.defaultListSize,
  });
  if (measure.rootFields > limits.maxRootFields)
    return queryLimitExceeded({
      beforeExecution: true,
      limit: 'rootFields',
      maximum: limits.maxRootFields,
      actual: measure.rootFields,
      message: `Root field limit of ${limits.maxRootFields} exceeded, found ${measure.rootFields}.`,
    });
  if (measure.selections > limits.maxSelections)
    return queryLimitExceeded({
      beforeExecution: true,
      limit: 'selections',
      maximum: limits.maxSelections,
      actual: measure.selections,
      message: `Field limit of ${limits.maxSelections} exceeded with fragments expanded, found ${measure.selections}.`,
    });
  if (measure.cost > limits.maxCost)
    return queryLimitExceeded({
      beforeExecution: true,
      limit: 'cost',
      maximum: limits.maxCost,
      actual: measure.cost,
      message: `Estimated cost limit of ${limits.maxCost} exceeded, found ${measure.cost}: ask for fewer items (first) or fewer nested lists.`,
    });
  return undefined;
}
