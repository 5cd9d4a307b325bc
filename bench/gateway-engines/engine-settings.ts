import {
  composeSupergraph,
  gatewayConfigFromEnv,
  readSubgraphSchemas,
  type GatewayConfig,
} from '@redtape/gateway';
import { createLogger, type Logger } from '@redtape/service-kit';

/**
 * What every candidate starts from, exactly as the gateway does: its settings from the environment
 * and the supergraph composed from the checked-in SDL files.
 */
export function engineSettings(name: string): {
  readonly config: GatewayConfig;
  readonly supergraphSdl: string;
  readonly logger: Logger;
} {
  // As the gateway does (gateway-app.ts): no usage metrics to Apollo, no probes of cloud metadata addresses.
  process.env['APOLLO_TELEMETRY_DISABLED'] = 'true';
  const config = gatewayConfigFromEnv(process.env);
  const { schemas } = readSubgraphSchemas(config.subgraphs);
  return {
    config,
    supergraphSdl: composeSupergraph(schemas).supergraphSdl,
    logger: createLogger(name, config.logLevel),
  };
}
