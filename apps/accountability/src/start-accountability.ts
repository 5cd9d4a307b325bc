import { ConfigurationError } from '@redtape/auth';
import {
  createLogger,
  createSubgraphApp,
  listen,
  serviceConfigFromEnv,
  type RunningService,
} from '@redtape/service-kit';
import { AccountabilityModule } from './accountability.module.js';

const DEFAULT_DEADLINE_CHECK_MS = 60_000;

function deadlineCheckMs(env: NodeJS.ProcessEnv): number {
  const raw = env['REDTAPE_DEADLINE_CHECK_MS'];
  if (!raw) return DEFAULT_DEADLINE_CHECK_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100)
    throw new ConfigurationError(
      `REDTAPE_DEADLINE_CHECK_MS must be a whole number of milliseconds ≥ 100, got "${raw}"`,
    );
  return value;
}

/** Starts the accountability subgraph on the configuration found in `env` (see README). */
export async function startAccountability(env: NodeJS.ProcessEnv): Promise<RunningService> {
  const config = serviceConfigFromEnv(env, 'accountability', {
    portVariable: 'ACCOUNTABILITY_PORT',
    defaultPort: 4003,
  });
  const logger = createLogger('accountability', config.logLevel);
  const app = await createSubgraphApp(
    AccountabilityModule.create(config, logger, deadlineCheckMs(env)),
    config,
    logger,
  );
  const url = await listen(app, config, logger);
  return { app, url };
}
