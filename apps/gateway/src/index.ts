export { createGatewayApp, type GatewayOptions } from './gateway-app.js';
export {
  gatewayConfigFromEnv,
  DEFAULT_HTTP_LIMITS,
  KNOWN_SUBGRAPHS,
  type GatewayConfig,
  type HttpLimits,
} from './gateway-config.js';
export { startGateway, type RunningGateway } from './start-gateway.js';
export {
  composeSupergraph,
  readSubgraphSchemas,
  CompositionFailed,
  type SubgraphSource,
} from './supergraph.js';
export { keepAliveFetcher } from './subgraphs/subgraph-fetcher.js';
