import {
  createLogger,
  createSubgraphApp,
  listen,
  serviceConfigFromEnv,
  type RunningService,
} from '@redtape/service-kit';
import { RegionsModule } from './regions.module.js';

/** Starts the regions subgraph on the configuration found in `env` (see README). */
export async function startRegions(env: NodeJS.ProcessEnv): Promise<RunningService> {
  const config = serviceConfigFromEnv(env, 'regions', { portVariable: 'REGIONS_PORT', defaultPort: 4001 });
  const logger = createLogger('regions', config.logLevel);
  const app = await createSubgraphApp(RegionsModule.create(config, logger), config, logger);
  const url = await listen(app, config, logger);
  return { app, url };
}
