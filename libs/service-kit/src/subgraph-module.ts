import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { IntegrationContract } from '@redtape/kafka-relay';
import type { Projection } from '@redtape/projections';
import type { Logger } from 'pino';
import type { ServiceConfig } from './config/service-config.js';
import { subgraphOptions } from './graphql/subgraph-options.js';
import { HealthController } from './http/health.controller.js';
import { kafkaRelayProviders } from './kafka/relay-providers.js';
import { ProjectionsLifecycle } from './persistence/projections-lifecycle.js';
import { coreProviders, projectionsProvider } from './persistence/providers.js';

/** What one subgraph service adds to what every subgraph has. */
export interface SubgraphParts {
  /** What the context publishes to Kafka when KAFKA_BROKERS is set. */
  readonly integration: IntegrationContract;
  /** Its read models, rebuilt and caught up in this order. */
  readonly projections: readonly Projection[];
  /** Runs the projections with whatever the service does around them; ProjectionsLifecycle by default. */
  readonly lifecycle?: Provider;
  /** Its queries, commands and resolvers. */
  readonly providers: readonly Provider[];
}

/**
 * A subgraph service's module: the Federation 2 GraphQL endpoint, /health, the stores, the Kafka relay
 * and the projections, started and stopped with the application, plus the service's own parts.
 */
export function subgraphModule(
  module: Type,
  config: ServiceConfig,
  logger: Logger,
  parts: SubgraphParts,
): DynamicModule {
  return {
    module,
    imports: [
      GraphQLModule.forRoot<ApolloFederationDriverConfig>({
        ...subgraphOptions(config, logger),
        driver: ApolloFederationDriver,
      }),
    ],
    controllers: [HealthController],
    providers: [
      ...coreProviders(config, logger),
      ...kafkaRelayProviders(parts.integration),
      projectionsProvider(parts.projections),
      parts.lifecycle ?? ProjectionsLifecycle,
      ...parts.providers,
    ],
  };
}
