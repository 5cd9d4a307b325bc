import type { INestApplication } from '@nestjs/common';
import { createGatewayApp } from './gateway-app.js';
import type { GatewayConfig } from './gateway-config.js';
import { createLogger } from '@redtape/platform';

export interface RunningGateway {
  readonly app: INestApplication;
  /** Base URL; GraphQL is at `${url}/graphql`. */
  readonly url: string;
}

/** Builds the gateway from a checked configuration and listens on its host and port. */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger('gateway', config.logLevel);
  const app = await createGatewayApp({
    subgraphs: config.subgraphs,
    leaveOut: config.leaveOut,
    auth: config.auth,
    production: config.production,
    logger,
    limits: config.limits,
    graphqlLimits: config.graphqlLimits,
  });
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  logger.info({ url: `${url}/graphql`, production: config.production }, 'gateway listening');
  return { app, url };
}
