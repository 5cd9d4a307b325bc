import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { graphqlHttpError } from '@redtape/graphql-guard';
import type { Response } from 'express';
import type { Logger } from 'pino';

/** body-parser's errors carry their status and a type instead of being HttpExceptions. */
interface BodyParserError {
  readonly status: number;
  readonly type: string;
  readonly limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as BodyParserError).status === 'number' &&
    typeof (error as BodyParserError).type === 'string'
  );
}

function messageFor(status: number, error: unknown, maxBodyBytes: number): string {
  if (isBodyParserError(error) && error.type === 'entity.parse.failed')
    return 'the request body is not valid JSON';
  if (status === 413) return `the request body is larger than the ${maxBodyBytes} bytes a request may send`;
  if (status === 404) return 'there is nothing here: GraphQL answers at /graphql';
  return error instanceof Error ? error.message : 'the request cannot be answered';
}

/**
 * Every HTTP answer Nest gives outside GraphQL (an unknown path, a body that is not JSON or is too
 * large) in GraphQL's shape with a code: 4xx for the client's mistakes, 5xx only for our own faults,
 * logged and never shown. An answer a controller shaped itself (/health's 503) is kept as it is.
 */
@Catch()
export class GraphQLShapedErrorsFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly maxBodyBytes: number,
  ) {}

  catch(error: unknown, host: ArgumentsHost): unknown {
    // Errors of resolvers are Apollo's to format (the GraphQL error formatter).
    if (host.getType() !== 'http') return error;
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof HttpException) {
      const body = error.getResponse();
      if (typeof body === 'object' && body !== null && !('statusCode' in body))
        return void response.status(error.getStatus()).json(body);
    }
    const status =
      error instanceof HttpException ? error.getStatus() : isBodyParserError(error) ? error.status : 500;
    if (status >= 500) this.logger.error({ err: error }, 'request failed');
    const answer = graphqlHttpError(status, messageFor(status, error, this.maxBodyBytes));
    response.status(answer.status).json(answer.body);
    return undefined;
  }
}
