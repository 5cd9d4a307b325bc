import { Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { HealthController } from './health.controller.js';

/** What must end with the application: the Apollo Server in front of the gateway, the subgraph agents. */
export interface GatewayResources {
  stop(): Promise<void>;
}

class GatewayShutdown implements OnApplicationShutdown {
  constructor(private readonly resources: GatewayResources) {}

  async onApplicationShutdown(): Promise<void> {
    await this.resources.stop();
  }
}

/**
 * Nest holds the application together (listening, shutdown hooks, /health); GraphQL itself is served by
 * the edge middleware in front of Nest's router (see gateway-app.ts). Everything is passed in as
 * values, so nothing here depends on decorator metadata for injection.
 */
@Module({})
export class GatewayModule {
  static forRoot(resources: GatewayResources): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [HealthController],
      providers: [{ provide: GatewayShutdown, useFactory: () => new GatewayShutdown(resources) }],
    };
  }
}
