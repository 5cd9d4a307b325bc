import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTokenVerifier, type AuthConfig } from '@redtape/auth';
import { NestPinoLogger } from '@redtape/platform';
import { apolloGuard, DEFAULT_GRAPHQL_LIMITS, type GraphQLLimits } from '@redtape/graphql-guard';
import { buildASTSchema, parse } from 'graphql';
import type { Logger } from 'pino';
import { edgeAuthentication } from './edge-authentication.js';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './gateway-config.js';
import type { GatewayContext } from './gateway-context.js';
import { GatewayModule } from './gateway.module.js';
import { apolloLogger } from './graphql/apollo-logger.js';
import { clientErrorFormatter } from './graphql/client-errors.js';
import { graphiqlLandingPage } from './graphql/graphiql-landing-page.js';
import { graphqlErrorLogging } from './graphql/graphql-error-logging.js';
import { operationRequired } from './graphql/operation-required.js';
import { edgeRoutes } from './http/edge-routes.js';
import { GatewayHttpAdapter } from './http/gateway-http-adapter.js';
import { graphqlHttpHandler } from './http/graphql-http.js';
import { requestLogging } from './http/request-logging.js';
import { SubgraphDataSource } from './subgraphs/subgraph-data-source.js';
import { keepAliveFetcher } from './subgraphs/subgraph-fetcher.js';
import {
  CompositionFailed,
  composeSupergraph,
  readSubgraphSchemas,
  type SubgraphSource,
} from './supergraph.js';

export interface GatewayOptions {
  /** Every subgraph joins the supergraph: a missing schema file stops the start. */
  readonly subgraphs: readonly SubgraphSource[];
  /** Subgraphs the operator chose to serve without (GATEWAY_LEAVE_OUT); none unless named. */
  readonly leaveOut?: readonly string[];
  readonly auth: Pick<AuthConfig, 'verification' | 'gatewaySecret'>;
  /** Introspection and the explorer off, server faults masked. */
  readonly production: boolean;
  readonly logger: Logger;
  /** Body and header limits; DEFAULT_HTTP_LIMITS when left out. */
  readonly limits?: HttpLimits;
  /** What one GraphQL request may ask; DEFAULT_GRAPHQL_LIMITS when left out. */
  readonly graphqlLimits?: GraphQLLimits;
}

const GRAPHQL_PATH = '/graphql';

/**
 * Composes the supergraph from the subgraphs' SDL files and builds the gateway, initialised but not
 * listening. Throws CompositionFailed before Nest starts when the subgraphs do not compose.
 *
 * The engine (ADR 5): Apollo Server 5 and @apollo/gateway 2, called by the gateway's own middleware
 * in front of Nest's router, with subgraph calls on keep-alive agents.
 */
export async function createGatewayApp(options: GatewayOptions): Promise<INestApplication> {
  const { logger, production } = options;
  const limits = options.limits ?? DEFAULT_HTTP_LIMITS;
  const graphqlLimits = options.graphqlLimits ?? DEFAULT_GRAPHQL_LIMITS;
  const supergraphSdl = compose(options.subgraphs, options.leaveOut ?? [], logger);
  // The same limits as every subgraph, refused here before any subgraph is asked. The cost is read
  // from the supergraph: the API schema the gateway serves has lost `@cost` and `@listSize`.
  const guard = apolloGuard(graphqlLimits, production, {
    measureWith: buildASTSchema(parse(supergraphSdl)),
    budget: false,
  });

  // A subgraph stops resolving once its own time budget is spent; a few seconds more is for its answer.
  const subgraphCalls = keepAliveFetcher({ timeoutMs: graphqlLimits.requestTimeoutMs + 5_000 });
  // @apollo/gateway 2 otherwise sends usage metrics to Apollo every hour and, to describe the host,
  // first probes the AWS, GCP and Azure metadata addresses. The gateway calls nothing but its subgraphs.
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      if (url === undefined) throw new Error(`the supergraph gives no URL for subgraph ${name}`);
      return new SubgraphDataSource(name, url, options.auth.gatewaySecret, subgraphCalls.fetcher);
    },
    logger: apolloLogger(logger.child({ component: 'apollo-gateway' })),
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: production,
    formatError: clientErrorFormatter(production),
    parseOptions: guard.parseOptions,
    validationRules: guard.validationRules,
    allowBatchedHttpRequests: guard.allowBatchedHttpRequests,
    plugins: [
      graphqlErrorLogging(logger),
      operationRequired(),
      ...guard.plugins,
      production ? ApolloServerPluginLandingPageDisabled() : graphiqlLandingPage(GRAPHQL_PATH),
    ],
    logger: apolloLogger(logger.child({ component: 'apollo-server' })),
    // Nest's shutdown hooks stop it (GatewayModule), not Apollo's own signal handlers.
    stopOnTerminationSignals: false,
  });
  await server.start();

  const module = GatewayModule.forRoot({
    async stop() {
      await server.stop();
      await subgraphCalls.close();
    },
  });
  try {
    // abortOnError: false, or Nest would end the process itself instead of letting the caller report.
    // bodyParser: false: the GraphQL handler reads the body itself, to answer each mistake with a code.
    const app = await NestFactory.create<NestExpressApplication>(
      module,
      new GatewayHttpAdapter(limits.maxHeaderBytes, logger),
      { logger: new NestPinoLogger(logger), abortOnError: false, bodyParser: false },
    );
    app.disable('x-powered-by');
    app.use(requestLogging(logger));
    app.use(
      edgeRoutes(
        graphqlHttpHandler({
          server,
          context: edgeAuthentication(createTokenVerifier(options.auth.verification)),
          maxBodyBytes: limits.maxBodyBytes,
          logger,
        }),
      ),
    );
    await app.init();
    return app;
  } catch (error) {
    await server.stop();
    await subgraphCalls.close();
    throw error;
  }
}

function compose(subgraphs: readonly SubgraphSource[], leaveOut: readonly string[], logger: Logger): string {
  const included = subgraphs.filter(({ name }) => !leaveOut.includes(name));
  for (const name of leaveOut)
    logger.warn({ subgraph: name }, `subgraph ${name} left out (GATEWAY_LEAVE_OUT)`);
  const { schemas, missing } = readSubgraphSchemas(included);
  // A partial supergraph answers its clients "Cannot query field" for a whole context, which looks
  // like a broken contract rather than a missing build: only the operator may choose it, by name.
  if (missing.length > 0 || schemas.length === 0) {
    throw new CompositionFailed(
      missing.length > 0
        ? missing.map(
            ({ name, schemaFile }) =>
              `${name}: no schema file at ${schemaFile}; write it (npm run schemas:write) or start with GATEWAY_LEAVE_OUT=${name} to serve without it`,
          )
        : ['every subgraph is left out (GATEWAY_LEAVE_OUT)'],
    );
  }
  const { supergraphSdl, hints } = composeSupergraph(schemas);
  for (const hint of hints) logger.debug({ hint }, 'composition hint');
  logger.info({ subgraphs: schemas.map(({ name, url }) => ({ name, url })) }, 'supergraph composed');
  return supergraphSdl;
}
