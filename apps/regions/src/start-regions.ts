import type { INestApplication } from '@nestjs/common';
import { createLogger, createSubgraphApp, listen, serviceConfigFromEnv } from '@redtape/service-kit';
import { RegionsModule } from './regions.module.js';

export interface RunningService {
  readonly app: INestApplication;
  /** Base URL; GraphQL is at `${url}/graphql`. */
  readonly url: string;
}

/** Starts the regions subgraph on the configuration found in `env` (see README). */
export async function startRegions(env: NodeJS.ProcessEnv): Promise<RunningService> {
  const config = serviceConfigFromEnv(env, 'regions', { portVariable: 'REGIONS_PORT', defaultPort: 4001 });
  const logger = createLogger('regions', config.logLevel);
  const app = await createSubgraphApp(RegionsModule.create(config, logger), config, logger);
  const url = await listen(app, config, logger);
  return { app, url };
}
