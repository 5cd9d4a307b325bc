import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { createTokenVerifier } from '@redtape/auth';
import { apolloGuard } from '@redtape/graphql-guard';
import type { Logger } from 'pino';
import type { ServiceConfig } from '../config/service-config.js';
import { graphQLErrorFormatter } from '../errors/format-graphql-error.js';
import { requestContextFactory } from '../http/request-context.js';
import { forgetLoadsAtEachMutation } from './request-loads.js';

/** The GraphQL settings every subgraph shares: Federation 2, typed errors, token verified again. */
export function subgraphOptions(config: ServiceConfig, logger: Logger): ApolloFederationDriverConfig {
  // A subgraph refuses what it must not run by itself; it does not rely on the gateway to protect it.
  const guard = apolloGuard(config.graphqlLimits, config.production);
  return {
    driver: ApolloFederationDriver,
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    path: '/graphql',
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    context: requestContextFactory(createTokenVerifier(config.auth.verification)),
    formatError: graphQLErrorFormatter(logger.child({ component: 'graphql' })),
    parseOptions: guard.parseOptions,
    validationRules: guard.validationRules,
    allowBatchedHttpRequests: guard.allowBatchedHttpRequests,
    // Tracing goes to Apollo's hosted studio, which this system does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled(), forgetLoadsAtEachMutation(), ...guard.plugins],
  };
}
