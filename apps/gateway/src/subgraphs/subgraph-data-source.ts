import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GATEWAY_SECRET_HEADER } from '@redtape/auth';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../gateway-context.js';
import { isClientError } from '../graphql/client-errors.js';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/**
 * Calls one subgraph with the client's own Authorization header, so the subgraph checks the same
 * token, and the gateway secret, so it knows the request came through the gateway. A call that fails
 * (no answer, an HTTP error, no GraphQL in the answer) becomes an error that names the subgraph but
 * never its address or what it answered: the client sees where, the log sees why.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    private readonly subgraphUrl: string,
    private readonly gatewaySecret: string,
    fetcher: Fetcher,
  ) {
    super({ url: subgraphUrl, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (headers === undefined) return;
    headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    const { authorization } = context as Partial<GatewayContext>;
    if (authorization !== undefined) headers.set('authorization', authorization);
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const detail = await response.text();
    // A subgraph refuses a client's mistake with 400 and a typed GraphQL error (a DateTime it cannot
    // read, a limit): the client needs exactly that, not a gateway error. Any other status (403: the
    // gateway's secret was refused) is the system's own fault.
    const refusal = clientRefusalIn(detail);
    if (response.status === 400 && refusal)
      return new GraphQLError(refusal.message, {
        extensions: { ...refusal.extensions, serviceName: this.subgraph },
      });
    // What the subgraph answered otherwise goes to the log (through originalError), never to the client.
    const unauthenticated = response.status === 401;
    return new GraphQLError(`the ${this.subgraph} service answered HTTP ${response.status}`, {
      originalError: new Error(`${this.subgraphUrl} answered ${response.status}: ${detail.slice(0, 1000)}`),
      extensions: { code: unauthenticated ? 'UNAUTHENTICATED' : 'DOWNSTREAM_SERVICE_ERROR' },
    });
  }

  override didEncounterError(error: Error): void {
    if (error instanceof GraphQLError) throw error;
    throw new GraphQLError(`the ${this.subgraph} service could not be reached or gave no GraphQL answer`, {
      originalError: error,
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' },
    });
  }
}

/** The first error of a GraphQL answer, when it is typed as the client's mistake. */
function clientRefusalIn(body: string): { message: string; extensions: Record<string, unknown> } | undefined {
  let answer: unknown;
  try {
    answer = JSON.parse(body);
  } catch {
    return undefined;
  }
  const first = (answer as { errors?: unknown[] } | null)?.errors?.[0] as
    { message?: unknown; extensions?: { code?: unknown } } | undefined;
  const code = first?.extensions?.code;
  if (typeof first?.message !== 'string' || !isClientError(code)) return undefined;
  return { message: first.message, extensions: { ...first.extensions } };
}
