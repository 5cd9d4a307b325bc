import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTokenVerifier, type AuthConfig } from '@redtape/auth';
import type { Logger } from 'pino';
import { GatewayModule } from './gateway.module.js';
import { NestPinoLogger } from '@redtape/service-kit';
import { requestLogging } from './logging/request-logging.js';
import {
  CompositionFailed,
  composeSupergraph,
  readSubgraphSchemas,
  type SubgraphSource,
} from './supergraph.js';

export interface GatewayOptions {
  /** Each subgraph whose schema file exists joins the supergraph; the others are left out. */
  readonly subgraphs: readonly SubgraphSource[];
  readonly auth: Pick<AuthConfig, 'verification' | 'gatewaySecret'>;
  /** Introspection off and server faults masked. */
  readonly production: boolean;
  readonly logger: Logger;
}

/**
 * Composes the supergraph from the subgraphs' SDL files and builds the gateway, initialised but not
 * listening. Throws CompositionFailed before Nest starts when the subgraphs do not compose.
 */
export async function createGatewayApp(options: GatewayOptions): Promise<INestApplication> {
  const { logger } = options;
  const { schemas, missing } = readSubgraphSchemas(options.subgraphs);
  for (const { name, schemaFile } of missing) {
    logger.info({ subgraph: name, schemaFile }, `subgraph ${name} left out: it has no schema file yet`);
  }
  if (schemas.length === 0) {
    throw new CompositionFailed([
      `no subgraph schema file found; looked for ${missing.map((source) => source.schemaFile).join(', ')}`,
    ]);
  }
  const { supergraphSdl, hints } = composeSupergraph(schemas);
  for (const hint of hints) logger.debug({ hint }, 'composition hint');
  logger.info({ subgraphs: schemas.map(({ name, url }) => ({ name, url })) }, 'supergraph composed');

  const module = GatewayModule.forRoot({
    supergraphSdl,
    verifyToken: createTokenVerifier(options.auth.verification),
    gatewaySecret: options.auth.gatewaySecret,
    production: options.production,
    logger,
  });
  // abortOnError: false, or Nest would end the process itself instead of letting the caller report.
  const app = await NestFactory.create<NestExpressApplication>(module, {
    logger: new NestPinoLogger(logger),
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.use(requestLogging(logger));
  await app.init();
  return app;
}
