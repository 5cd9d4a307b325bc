import { Directive } from '@nestjs/graphql';

/**
 * How long a list field can be, for the cost limit (federation's `@listSize`): without it a list is
 * assumed to hold GRAPHQL_DEFAULT_LIST_SIZE items. Give the largest size real data reaches.
 */
export function ListSize(assumedSize: number): MethodDecorator & PropertyDecorator {
  return Directive(`@listSize(assumedSize: ${assumedSize})`);
}

/**
 * A connection's `nodes` are as many as its `first` argument asks, or `defaultPage` when it is not
 * given: the cost limit multiplies what is asked of each node by that.
 */
export function PageSize(defaultPage: number): MethodDecorator & PropertyDecorator {
  return Directive(
    `@listSize(assumedSize: ${defaultPage}, slicingArguments: ["first"], sizedFields: ["nodes"], requireOneSlicingArgument: false)`,
  );
}
