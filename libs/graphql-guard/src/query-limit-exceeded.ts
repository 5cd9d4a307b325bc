import { GraphQLError } from 'graphql';

export const QUERY_LIMIT_EXCEEDED = 'QUERY_LIMIT_EXCEEDED';

/** Which of the GraphQLLimits a request broke. */
export type LimitName =
  | 'depth'
  | 'aliases'
  | 'rootFields'
  | 'tokens'
  | 'directives'
  | 'selections'
  | 'cost'
  | 'time'
  | 'resolvedFields';

export interface LimitRefusal {
  readonly limit: LimitName;
  readonly maximum: number;
  /** The figure the request reached, where it is known before giving up counting. */
  readonly actual?: number;
  readonly message: string;
  /** A refusal before execution is the client's mistake, answered 400; a spent budget keeps what resolved. */
  readonly beforeExecution?: boolean;
}

/** The one typed refusal every limit answers: the limit, its figure and what the request reached. */
export function queryLimitExceeded(refusal: LimitRefusal): GraphQLError {
  // A refusal is the client's mistake and its stack says nothing, while capturing one (async frames
  // included) was the largest single cost of answering a flood of refused documents.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return refusalError(refusal);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

function refusalError(refusal: LimitRefusal): GraphQLError {
  return new GraphQLError(refusal.message, {
    extensions: {
      code: QUERY_LIMIT_EXCEEDED,
      limit: refusal.limit,
      maximum: refusal.maximum,
      ...(refusal.actual === undefined ? {} : { actual: refusal.actual }),
      ...(refusal.beforeExecution ? { http: { status: 400 } } : {}),
    },
  });
}

/** The refusal a GraphQL error carries, looking through the wrappers graphql-js and servers add. */
export function limitRefusalIn(error: unknown): GraphQLError | undefined {
  for (let cause = error; cause instanceof GraphQLError; cause = cause.originalError) {
    if (cause.extensions['code'] === QUERY_LIMIT_EXCEEDED && typeof cause.extensions['limit'] === 'string')
      return cause;
  }
  return undefined;
}
