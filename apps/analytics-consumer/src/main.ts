/**
 * Runs the analytics consumer until SIGINT or SIGTERM (then it finishes the message in hand, commits
 * and leaves the group) or until the consumer fails (exit code 1). A second signal ends the process
 * at once (see stopSignal).
 */
import { ConfigurationError, analyticsConfigFromEnv, type AnalyticsConfig } from './config.js';
import { createLogger } from './logger.js';
import { startAnalytics } from './run-analytics.js';
import { stopSignal } from './stop-signal.js';

let config: AnalyticsConfig;
try {
  config = analyticsConfigFromEnv(process.env);
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  for (const problem of error.problems) process.stderr.write(`analytics-consumer: ${problem}\n`);
  process.exit(1);
}

const logger = createLogger(config.logLevel);
const signalled = stopSignal();

try {
  const running = await startAnalytics(config, logger);
  const ended = await Promise.race([
    signalled.then((signal) => ({ signal })),
    running.consumer.failure.then((error) => ({ error })),
  ]);
  await running.stop();
  if ('error' in ended) process.exitCode = 1;
  else logger.info({ signal: ended.signal }, 'stopped on signal');
} catch (error) {
  logger.fatal({ err: error }, 'the analytics consumer could not run');
  process.exitCode = 1;
}
