import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { ConfigurationError } from '@redtape/auth';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { answerBrokenRequests } from '@redtape/graphql-guard';
import type { Logger } from 'pino';
import type { ServiceConfig } from './config/service-config.js';
import { gatewayOnly } from './http/gateway-only.js';
import { onlyMethods } from './http/only-methods.js';
import { GraphQLShapedErrorsFilter } from './http/graphql-shaped-errors.filter.js';
import { markGraphQLRequests } from './persistence/statement-log.js';
import { NestPinoLogger } from '@redtape/platform';

/**
 * Creates a subgraph's Nest application: the gateway-only guard in front of /graphql, a JSON body
 * limit, and every answer outside GraphQL in GraphQL's shape.
 */
export async function createSubgraphApp(
  module: DynamicModule,
  config: ServiceConfig,
  logger: Logger,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
    bodyParser: false,
  });
  app.use('/graphql', onlyMethods(['GET', 'POST']), gatewayOnly(config.auth.gatewaySecret));
  app.useBodyParser('json', { limit: config.graphqlLimits.maxBodyBytes });
  // After the body parser: its stream events would leave the request's asynchronous context.
  if (config.statementLog) app.use('/graphql', markGraphQLRequests());
  app.useGlobalFilters(new GraphQLShapedErrorsFilter(logger, config.graphqlLimits.maxBodyBytes));
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  return app;
}

export async function listen(app: INestApplication, config: ServiceConfig, logger: Logger): Promise<string> {
  await app.listen(config.port, config.host);
  answerBrokenRequests(app.getHttpServer());
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
