import { ConfigurationError } from '@redtape/auth';
import { gatewayConfigFromEnv } from './gateway-config.js';
import { startGateway } from './start-gateway.js';
import { CompositionFailed } from './supergraph.js';

try {
  await startGateway(gatewayConfigFromEnv(process.env));
} catch (error) {
  if (error instanceof ConfigurationError) {
    process.stderr.write(`gateway: invalid configuration:\n  ${error.problems.join('\n  ')}\n`);
  } else if (error instanceof CompositionFailed) {
    process.stderr.write(`gateway: ${error.message}\n`);
  } else {
    process.stderr.write(
      `gateway: cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
}
