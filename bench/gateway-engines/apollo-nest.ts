/**
 * The gateway as it was before ADR 5, kept as the bench's baseline: NestJS with @nestjs/apollo's
 * ApolloGatewayDriver (Apollo Server 5 and @apollo/gateway 2), subgraph calls through
 * RemoteGraphQLDataSource's default fetcher, the token checked in the context function, Apollo's
 * error formatting and logging plugin, a request line per request from an Express middleware.
 * The files under apollo/ are the gateway's own as they were, unchanged but for import paths and
 * the optional fetcher.
 */
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTokenVerifier } from '@redtape/auth';
import { keepAliveFetcher } from '@redtape/gateway';
import { NestPinoLogger } from '@redtape/service-kit';
import { GatewayModule } from './apollo/gateway.module.js';
import { requestLogging } from './apollo/request-logging.js';
import { engineSettings } from './engine-settings.js';

const { config, supergraphSdl, logger } = engineSettings('gateway-apollo-nest');
const module = GatewayModule.forRoot({
  supergraphSdl,
  verifyToken: createTokenVerifier(config.auth.verification),
  gatewaySecret: config.auth.gatewaySecret,
  production: config.production,
  logger,
  // APOLLO_KEEPALIVE=1: the one change that buys most (ADR 5), the new gateway's subgraph fetcher.
  ...(process.env['APOLLO_KEEPALIVE'] === '1' ? { fetcher: keepAliveFetcher().fetcher } : {}),
});
const app = await NestFactory.create<NestExpressApplication>(module, {
  logger: new NestPinoLogger(logger),
  abortOnError: false,
});
app.disable('x-powered-by');
app.use(requestLogging(logger));
await app.listen(config.port, config.host);
