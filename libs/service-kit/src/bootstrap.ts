import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { ConfigurationError } from '@redtape/auth';
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

export interface RunningService {
  readonly app: INestApplication;
  /** Base URL; GraphQL is at `${url}/graphql`. */
  readonly url: string;
}

/** A service's `main`: a configuration mistake ends it with one clear message, not a stack trace. */
export async function runService(name: string, start: () => Promise<RunningService>): Promise<void> {
  try {
    await start();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${name}: ${error.message}\n`);
    process.exit(1);
  }
}
