import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GATEWAY_SECRET_HEADER } from '@redtape/auth';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../gateway-context.js';

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
    url: string,
    private readonly gatewaySecret: string,
    fetcher: Fetcher,
  ) {
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (headers === undefined) return;
    headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    const { authorization } = context as Partial<GatewayContext>;
    if (authorization !== undefined) headers.set('authorization', authorization);
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    // What the subgraph answered goes to the log (through originalError), never to the client.
    const unauthenticated = response.status === 401;
    const detail = (await response.text()).slice(0, 1000);
    return new GraphQLError(`the ${this.subgraph} service answered HTTP ${response.status}`, {
      originalError: new Error(`${response.url} answered ${response.status}: ${detail}`),
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
