/**
 * Hive Gateway's runtime with its defaults, on a bare node:http server, as issue #11 first measured
 * it: no token check, no logging, no error formatting of ours; only the gateway secret and the
 * client's Authorization header added to subgraph calls. Two changes from its defaults, by setting:
 * HIVE_PLANNER=rust plans with @graphql-hive/router-runtime (Rust, through N-API) instead of the
 * JavaScript planner; the coalescing of identical in-flight subgraph queries, on by default, is off
 * unless HIVE_DEDUPE=1, because the gateway it is compared with does not coalesce (ADR 5).
 */
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import http from '@graphql-mesh/transport-http';
import { GATEWAY_SECRET_HEADER } from '@redtape/auth';
import { engineSettings } from './engine-settings.js';

const { config, supergraphSdl } = engineSettings('gateway-hive-minimal');
const runtime = createGatewayRuntime({
  supergraph: supergraphSdl,
  logging: false,
  landingPage: false,
  graphqlEndpoint: '/graphql',
  healthCheckEndpoint: '/health',
  transports: { http },
  ...(process.env['HIVE_PLANNER'] === 'rust' ? { unifiedGraphHandler } : {}),
  transportEntries: {
    '*.http': { options: { deduplicateInflightRequests: process.env['HIVE_DEDUPE'] === '1' } },
  },
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      authorization: request.headers.get('authorization'),
      [GATEWAY_SECRET_HEADER]: config.auth.gatewaySecret,
    }),
  },
});
createServer(runtime).listen(config.port, config.host);
