import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { TokenVerifier } from '@redtape/auth';
import type { Logger } from 'pino';
import { clientErrorFormatter } from './client-errors.js';
import { edgeAuthentication } from './edge-authentication.js';
import { HealthController } from './health.controller.js';
import { apolloLogger } from './apollo-logger.js';
import { graphqlErrorLogging } from './graphql-error-logging.js';
import { SubgraphDataSource } from './subgraph-data-source.js';

export interface GatewayModuleSettings {
  readonly supergraphSdl: string;
  readonly verifyToken: TokenVerifier;
  readonly gatewaySecret: string;
  readonly production: boolean;
  readonly logger: Logger;
  readonly fetcher?: SubgraphDataSource['fetcher'];
}

/** Everything is passed in as values, so nothing here depends on decorator metadata for injection. */
@Module({})
export class GatewayModule {
  static forRoot(settings: GatewayModuleSettings): DynamicModule {
    const { production, logger } = settings;
    return {
      module: GatewayModule,
      controllers: [HealthController],
      imports: [
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            path: '/graphql',
            introspection: !production,
            graphiql: !production,
            includeStacktraceInErrorResponses: false,
            hideSchemaDetailsFromClientErrors: production,
            formatError: clientErrorFormatter(production),
            context: edgeAuthentication(settings.verifyToken),
            plugins: [graphqlErrorLogging(logger)],
            logger: apolloLogger(logger.child({ component: 'apollo-server' })),
          },
          gateway: {
            supergraphSdl: settings.supergraphSdl,
            buildService: ({ name, url }) => {
              if (url === undefined) throw new Error(`the supergraph gives no URL for subgraph ${name}`);
              const source = new SubgraphDataSource(url, settings.gatewaySecret);
              if (settings.fetcher) source.fetcher = settings.fetcher;
              return source;
            },
            logger: apolloLogger(logger.child({ component: 'apollo-gateway' })),
          },
        }),
      ],
    };
  }
}
