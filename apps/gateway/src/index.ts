export { createGatewayApp, type GatewayOptions } from './gateway-app.js';
export { gatewayConfigFromEnv, KNOWN_SUBGRAPHS, type GatewayConfig } from './gateway-config.js';
export { startGateway, type RunningGateway } from './start-gateway.js';
export {
  composeSupergraph,
  readSubgraphSchemas,
  CompositionFailed,
  type SubgraphSource,
} from './supergraph.js';
