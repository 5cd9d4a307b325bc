import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GATEWAY_SECRET_HEADER } from '@redtape/auth';
import type { GatewayContext } from './gateway-context.js';

/**
 * Calls one subgraph with the client's own Authorization header, so the subgraph checks the same
 * token, and the gateway secret, so it knows the request came through the gateway.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly gatewaySecret: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (headers === undefined) return;
    headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    const { authorization } = context as Partial<GatewayContext>;
    if (authorization !== undefined) headers.set('authorization', authorization);
  }
}
