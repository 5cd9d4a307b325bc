import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ServiceConfig } from './config/service-config.js';
import { gatewayOnly } from './http/gateway-only.js';
import { NestPinoLogger } from './logging/nest-logger.js';

/** Creates a subgraph's Nest application with the gateway-only guard in front of /graphql. */
export async function createSubgraphApp(
  module: DynamicModule,
  config: ServiceConfig,
  logger: Logger,
): Promise<INestApplication> {
  const app = await NestFactory.create(module, { logger: new NestPinoLogger(logger), abortOnError: false });
  app.use('/graphql', gatewayOnly(config.auth.gatewaySecret));
  app.enableShutdownHooks();
  return app;
}

export async function listen(app: INestApplication, config: ServiceConfig, logger: Logger): Promise<string> {
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  logger.info({ url: `${url}/graphql` }, `${config.service} is listening`);
  return url;
}
