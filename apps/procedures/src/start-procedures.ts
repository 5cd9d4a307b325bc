import {
  createLogger,
  createSubgraphApp,
  listen,
  serviceConfigFromEnv,
  type RunningService,
} from '@redtape/service-kit';
import { ProceduresModule } from './procedures.module.js';

/** Starts the procedures subgraph on the configuration found in `env` (see README). */
export async function startProcedures(env: NodeJS.ProcessEnv): Promise<RunningService> {
  const config = serviceConfigFromEnv(env, 'procedures', {
    portVariable: 'PROCEDURES_PORT',
    defaultPort: 4002,
  });
  const logger = createLogger('procedures', config.logLevel);
  const app = await createSubgraphApp(ProceduresModule.create(config, logger), config, logger);
  const url = await listen(app, config, logger);
  return { app, url };
}
